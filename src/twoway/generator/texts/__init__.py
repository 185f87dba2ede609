"""What synthetic members write, in the seven languages of the generated networks.

One module per language holds the same keys: ``MESSAGES`` (message texts per family, see
:data:`twoway.generator.content.FAMILIES`), ``NOTES`` (invitation notes per kind, ``default`` being
LinkedIn's own text in that language), ``SUBJECTS`` (recruiters' InMail subjects),
``SPONSORED_TITLES`` and ``GROUP_TITLES``. Every text is ours; none is copied from a real export.
"""

from __future__ import annotations

from types import ModuleType

from twoway.generator.texts import de, en, es, fr, it, nl, pt

#: Language codes, in the order their index is stored (0 = English).
LANGUAGES: tuple[str, ...] = ("en", "de", "es", "fr", "pt", "it", "nl")
BY_LANGUAGE: tuple[ModuleType, ...] = (en, de, es, fr, pt, it, nl)

__all__ = ["BY_LANGUAGE", "LANGUAGES"]
