"""Which language a message is in: short texts by their phrases, longer ones by the identifier, and
``unknown`` for what carries no language (emoji, "ok") or a language the reader cannot read."""

from __future__ import annotations

import pytest

from twoway.reading import LANGUAGES, language_of, read_message


@pytest.mark.parametrize(("text", "lang"), [
    ("Danke!", "de"), ("Merci beaucoup", "fr"), ("Obrigado", "pt"), ("Gracias!", "es"), ("Grazie!", "it"),
    ("Bedankt!", "nl"), ("Thanks!", "en"), ("Herzlichen Glückwunsch!", "de"), ("Feliz cumpleaños", "es"),
    ("Joyeux anniversaire !", "fr"), ("Buon compleanno!", "it"), ("Fijne verjaardag!", "nl"),
    ("Muito obrigada!", "pt"),
])
def test_short_courtesies_by_their_phrases(text: str, lang: str) -> None:
    assert language_of(text) == lang


@pytest.mark.parametrize(("text", "lang"), [
    ("We finally moved the whole analytics stack to the new warehouse and the dashboards are faster.", "en"),
    ("Wir haben das neue Lager in Leipzig eröffnet, und die ersten Wochen liefen besser als erwartet.", "de"),
    ("Hemos abierto una oficina nueva en Valencia y estamos contratando a gente del sector.", "es"),
    ("Nous avons ouvert un nouveau bureau à Nantes et l'équipe s'agrandit rapidement cette année.", "fr"),
    ("Abrimos um escritório novo em Braga e a equipa está a crescer bastante este ano.", "pt"),
    ("Abbiamo aperto un nuovo ufficio a Bologna e il gruppo sta crescendo molto quest'anno.", "it"),
    ("We hebben een nieuw kantoor in Eindhoven geopend en het team groeit dit jaar flink.", "nl"),
])
def test_longer_texts_by_the_identifier(text: str, lang: str) -> None:
    assert language_of(text) == lang


@pytest.mark.parametrize("text", [
    None, "", "  ", "👍", "🎉🎉", "ok", "OK", "!!!",
    "Wczoraj przeprowadziliśmy się do Gdańska i zaczynam nową pracę w banku.",
    "Vi flyttade till Göteborg förra månaden och trivs jättebra med jobbet.",
    "Мы переехали в Казань и я начал работать в новой компании.",
    "昨日新しい会社で働き始めました。",
])
def test_no_language_or_one_it_cannot_read_is_unknown(text: str | None) -> None:
    assert language_of(text) == "unknown"


def test_html_does_not_change_the_language() -> None:
    assert language_of("<p>Vielen Dank f&uuml;r die Einladung!</p>") == "de"


def test_the_reading_carries_the_same_language() -> None:
    for text in ("Danke!", "Could you help me with the visa forms?", "👍"):
        assert read_message(text).language == language_of(text)


def test_languages_are_codes_or_unknown_and_deterministic() -> None:
    texts = ["Hallo zusammen", "Bonjour à tous", "Hola", "Ciao", "Hoi", "Olá", "Hello", "Buongiorno a tutti"]
    first = [language_of(t) for t in texts]
    assert first == [language_of(t) for t in texts]
    assert all(code in (*LANGUAGES, "unknown") for code in first)
