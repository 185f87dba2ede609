"""Built-in word lists for synthetic people, companies, titles and skills.

Names are common given names and surnames combined at random, and companies are invented from
word parts, so no generated row describes a real person or a real firm's staff.
"""

from __future__ import annotations

import random
from urllib.parse import quote

FIRST_NAMES: tuple[str, ...] = (
    "Aaron", "Abigail", "Adam", "Adriana", "Ahmed", "Aiko", "Alan", "Alejandro", "Alex", "Alice", "Amara",
    "Amelia", "Amir", "Ana", "Andrea", "Andrew", "Angela", "Anil", "Anna", "Anton", "Arjun", "Astrid",
    "Ayesha", "Beatriz", "Ben", "Bianca", "Brian", "Bruno", "Camila", "Carlos", "Carmen", "Caroline",
    "Chen", "Chloe", "Chris", "Claire", "Daniel", "Dario", "David", "Deepa", "Diana", "Diego", "Dmitri",
    "Elena", "Elif", "Emily", "Emma", "Erik", "Eva", "Fatima", "Felix", "Fernando", "Fiona", "Francesca",
    "Gabriel", "Grace", "Hana", "Hannah", "Hassan", "Helena", "Hiroshi", "Ian", "Ibrahim", "Ines", "Ingrid",
    "Isabel", "Ivan", "Jack", "Jamal", "James", "Jana", "Javier", "Jean", "Jin", "Joanna", "Jonas", "Jorge",
    "José", "Julia", "Karim", "Kate", "Kenji", "Keisha", "Lars", "Laura", "Leila", "Leon", "Li", "Lina",
    "Lucas", "Lucía", "Luis", "Maya", "Mairead", "Malik", "Marco", "Maria", "Mark", "Marta", "Mateo", "Mei",
    "Michael", "Miguel", "Mira", "Mohamed", "Nadia", "Naomi", "Nikhil", "Nina", "Noah", "Olga", "Oliver",
    "Omar", "Paolo", "Patricia", "Paul", "Pedro", "Priya", "Rafael", "Rahul", "Rania", "Raquel", "Ravi",
    "Renée", "Ricardo", "Rosa", "Ryan", "Sakura", "Samuel", "Sara", "Sebastian", "Sofia", "Sophie", "Stefan",
    "Sunita", "Takumi", "Tariq", "Tomás", "Uma", "Valentina", "Victor", "Wei", "Yara", "Yusuf", "Zainab",
    "Zoë", "Zoltán", "Björn", "Søren", "Chiara", "Ngozi", "Kwame", "Thandiwe", "Sipho", "Aroha", "Hye-jin",
)

LAST_NAMES: tuple[str, ...] = (
    "Abbott", "Adeyemi", "Agarwal", "Alvarez", "Andersen", "Arslan", "Bailey", "Banerjee", "Barros",
    "Becker", "Bergstrom", "Bianchi", "Brennan", "Brooks", "Campbell", "Castillo", "Chan", "Chaudhry",
    "Chen", "Costa", "Cruz", "Dalton", "Das", "Delgado", "Dubois", "Duarte", "Edwards", "Eriksen", "Evans",
    "Farouk", "Fernandes", "Fischer", "Fitzgerald", "Fong", "Garcia", "Gomez", "Gonzalez", "Grant", "Gupta",
    "Haddad", "Hansen", "Harper", "Hayashi", "Hernandez", "Hoffmann", "Hughes", "Ibrahim", "Iyer", "Jansen",
    "Jensen", "Jimenez", "Johansson", "Kapoor", "Kato", "Keller", "Khan", "Kim", "Kowalski", "Kumar",
    "Larsen", "Laurent", "Lee", "Lindqvist", "Lopez", "Lund", "Mahmoud", "Marino", "Martin", "Mehta",
    "Mendes", "Meyer", "Moreau", "Morales", "Murphy", "Nakamura", "Nguyen", "Nielsen", "Novak", "Nowak",
    "Okafor", "Okonkwo", "Olsen", "Ortiz", "Park", "Patel", "Pereira", "Petrov", "Quinn", "Ramos", "Reddy",
    "Reyes", "Ricci", "Rivera", "Rossi", "Russo", "Sato", "Schmidt", "Schneider", "Silva", "Singh", "Suzuki",
    "Tanaka", "Torres", "Tran", "Varga", "Vasquez", "Wagner", "Walsh", "Wang", "Weber", "Wong", "Yamamoto",
    "Yilmaz", "Zhang", "Zimmermann", "Müller", "Núñez", "Østergaard", "Šimić", "Łukasik", "O'Connor",
    "van der Berg", "de la Cruz", "Mbeki", "Mensah", "Ndlovu", "Osei", "Tūhoe", "Castro", "Ferreira",
)

#: Suffixes people add to their surname; they put commas inside names (the spec's `Jane Doe, MBA`).
CREDENTIALS: tuple[str, ...] = (", MBA", ", PhD", ", CFA", ", PMP", ", CPA", ", PE", ", MD", ", SHRM-CP")
EMOJI: tuple[str, ...] = (" 🚀", " 🌱", " ✨", " 📈")

_COMPANY_HEADS = (
    "Blue", "North", "Silver", "Bright", "Cedar", "Cobalt", "Copper", "Crimson", "Delta", "Ember", "Falcon",
    "Granite", "Harbor", "Iron", "Juniper", "Kestrel", "Lumen", "Maple", "Nimbus", "Onyx", "Pine", "Quartz",
    "Raven", "Sable", "Summit", "Tidal", "Umber", "Vantage", "Willow", "Zephyr", "Aster", "Basalt",
)
_COMPANY_TAILS = (
    "field", "stone", "brook", "ridge", "wave", "point", "gate", "light", "path", "works", "forge", "line",
    "peak", "vale", "crest", "shore", "mark", "spring",
)
_COMPANY_KINDS = (
    "Analytics", "Labs", "Systems", "Partners", "Capital", "Health", "Logistics", "Robotics", "Software",
    "Consulting", "Energy", "Bio", "Foods", "Media", "Security", "Ventures", "Group", "Studio", "Cloud",
    "Financial", "Mobility", "Learning", "Retail", "Materials",
)
_COMPANY_FORMS = ("", "", "", " Inc.", " Ltd", " GmbH", " AG", " S.A.", " LLC", ", Inc.")

SENIORITY: tuple[str, ...] = (
    "", "", "", "Senior ", "Senior ", "Lead ", "Principal ", "Junior ", "Head of ", "Director of ", "VP of ",
)
FUNCTIONS: tuple[str, ...] = (
    "Software Engineer", "Data Scientist", "Product Manager", "Account Executive", "Designer",
    "Marketing Manager", "Recruiter", "Financial Analyst", "Operations Manager", "Consultant",
    "Solutions Architect", "Customer Success Manager", "Research Scientist", "Engineering Manager",
    "Business Development Manager", "Talent Partner", "Data Engineer", "UX Researcher", "Controller",
    "Project Manager", "Sales Director", "Growth Lead", "Investor", "Founder", "Analyst",
)
_HEAD_FUNCTIONS = ("Engineering", "Product", "Marketing", "Sales", "Data", "Operations", "Talent", "Design")

SKILLS: tuple[str, ...] = (
    "Python", "SQL", "Data Analysis", "Machine Learning", "Product Management", "Leadership",
    "Project Management", "Public Speaking", "Negotiation", "Strategy", "Team Building", "Agile Methodologies",
    "Cloud Computing", "Financial Modeling", "Market Research", "User Experience (UX)", "Recruiting",
    "Business Development", "Statistics", "Communication", "Go-to-Market Strategy", "Distributed Systems",
    "Mentoring", "Stakeholder Management",
)
INDUSTRIES: tuple[str, ...] = (
    "Software Development", "Financial Services", "IT Services and IT Consulting", "Venture Capital and "
    "Private Equity Principals", "Hospital & Health Care", "Higher Education", "Logistics", "Retail",
)
SCHOOLS: tuple[str, ...] = (
    "Northfield University", "Lakeside Institute of Technology", "Westbrook College", "University of Eastvale",
)
CITIES: tuple[str, ...] = (
    "Lisbon, Portugal", "Berlin, Germany", "Austin, Texas, United States", "Toronto, Ontario, Canada",
    "London, England, United Kingdom", "Singapore", "Bengaluru, Karnataka, India", "Nairobi, Kenya",
)


def company(rng: random.Random) -> str:
    return f"{rng.choice(_COMPANY_HEADS)}{rng.choice(_COMPANY_TAILS)} {rng.choice(_COMPANY_KINDS)}" + rng.choice(
        _COMPANY_FORMS
    )


def title(rng: random.Random) -> str:
    level = rng.choice(SENIORITY)
    if level in ("Head of ", "Director of ", "VP of "):
        return level + rng.choice(_HEAD_FUNCTIONS)
    return level + rng.choice(FUNCTIONS)


def promoted(current_title: str, rng: random.Random) -> str:
    """A plausible next title: a step up, or a new function."""
    if current_title.startswith(("Junior ", "Senior ", "Lead ", "Principal ")):
        base = current_title.split(" ", 1)[1]
    else:
        base = current_title
    if base in FUNCTIONS and rng.random() < 0.7:
        return rng.choice(("Senior ", "Lead ", "Principal ")) + base
    return title(rng)


def slug(first: str, last: str, rng: random.Random, taken: set[str]) -> str:
    """A vanity slug as LinkedIn builds them: lower-case words, a hex tail, non-ASCII percent-encoded.

    Slugs are unique, as LinkedIn's are: when the name's slug is ``taken`` (compared case-blind),
    a fresh hex tail is added (``mateo-hansen-4a7b2c9``). The chosen slug is added to ``taken``.
    """
    plain = f"{first} {last.split(',')[0]}".lower().replace("'", "").replace(".", "")
    words = quote("-".join(part for part in plain.split() if part.isalpha() or "-" in part) or "member", safe="-")
    style = rng.random()
    if style < 0.15:
        candidate = words
    elif style < 0.25:
        candidate = words.replace("-", "") + str(rng.randint(1, 99))
    else:
        candidate = f"{words}-{_hex_tail(rng)}"
    while candidate.casefold() in taken:
        candidate = f"{words}-{_hex_tail(rng)}"
    taken.add(candidate.casefold())
    return candidate


def _hex_tail(rng: random.Random) -> str:
    return f"{rng.getrandbits(36):09x}"[: rng.choice((7, 8, 9))]


def email(first: str, last: str, rng: random.Random) -> str:
    local = f"{first}.{last}".lower().replace(" ", "").replace("'", "")
    ascii_local = local.encode("ascii", "ignore").decode() or f"member{rng.randint(10, 99)}"
    return f"{ascii_local}{rng.randint(1, 99)}@{rng.choice(('example.com', 'example.org', 'example.net'))}"


# Names and cities by language (index into texts.LANGUAGES; English uses the lists above), for the
# members who write in that language and for an owner who does.
LOCAL_FIRST: tuple[tuple[str, ...], ...] = (
    FIRST_NAMES,
    ("Jan", "Lukas", "Anna", "Katharina", "Tobias", "Julia", "Felix", "Lena", "Maximilian", "Sabine", "Matthias",
     "Stefanie", "Jürgen", "Birgit", "Florian", "Franziska", "Moritz", "Svenja", "Dominik", "Ulrike"),
    ("Javier", "Lucía", "Pablo", "Marta", "Alejandro", "Carmen", "Sergio", "Elena", "Álvaro", "Laura", "Andrés",
     "Paula", "Jorge", "Cristina", "Diego", "Nuria", "Raúl", "Ainhoa", "Gonzalo", "Valeria"),
    ("Julien", "Camille", "Nicolas", "Émilie", "Thomas", "Sophie", "Antoine", "Claire", "Mathieu", "Léa",
     "Guillaume", "Chloé", "Maxime", "Manon", "Romain", "Élodie", "Baptiste", "Margaux", "Hugo", "Céline"),
    ("João", "Ana", "Pedro", "Mariana", "Tiago", "Beatriz", "Rafael", "Carolina", "Lucas", "Juliana", "Gustavo",
     "Fernanda", "Bruno", "Larissa", "Rodrigo", "Camila", "Thiago", "Letícia", "Diogo", "Inês"),
    ("Luca", "Giulia", "Marco", "Francesca", "Alessandro", "Chiara", "Matteo", "Sara", "Davide", "Elisa",
     "Andrea", "Federica", "Lorenzo", "Martina", "Simone", "Valentina", "Riccardo", "Silvia", "Stefano", "Ilaria"),
    ("Daan", "Sanne", "Bram", "Lotte", "Thijs", "Fleur", "Jeroen", "Anouk", "Pieter", "Eva", "Ruben", "Marloes",
     "Sven", "Iris", "Joost", "Femke", "Wouter", "Lieke", "Niels", "Maartje"),
)
LOCAL_LAST: tuple[tuple[str, ...], ...] = (
    LAST_NAMES,
    ("Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer", "Wagner", "Becker", "Hoffmann", "Schäfer",
     "Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder", "Neumann", "Zimmermann", "Krüger", "Hartmann"),
    ("García", "Martínez", "López", "Sánchez", "Pérez", "Gómez", "Fernández", "Ruiz", "Díaz", "Moreno", "Muñoz",
     "Álvarez", "Romero", "Navarro", "Torres", "Domínguez", "Gil", "Vázquez", "Serrano", "Ramos"),
    ("Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon",
     "Laurent", "Lefebvre", "Michel", "Fournier", "Girard", "Bonnet", "Rousseau", "Faure", "Mercier"),
    ("Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Rodrigues", "Almeida", "Ferreira", "Carvalho",
     "Gomes", "Ribeiro", "Martins", "Lima", "Araújo", "Barbosa", "Rocha", "Monteiro", "Cardoso", "Teixeira"),
    ("Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno",
     "Gallo", "Conti", "De Luca", "Mancini", "Costa", "Giordano", "Rizzo", "Lombardi", "Moretti"),
    ("de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
     "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer"),
)
LOCAL_CITIES: tuple[tuple[str, ...], ...] = (
    CITIES,
    ("Berlin, Germany", "Munich, Bavaria, Germany", "Hamburg, Germany", "Vienna, Austria", "Zurich, Switzerland"),
    ("Madrid, Community of Madrid, Spain", "Barcelona, Catalonia, Spain", "Mexico City, Mexico",
     "Buenos Aires, Argentina", "Bogotá, Colombia"),
    ("Paris, Île-de-France, France", "Lyon, Auvergne-Rhône-Alpes, France", "Montreal, Quebec, Canada",
     "Brussels, Belgium", "Geneva, Switzerland"),
    ("São Paulo, Brazil", "Rio de Janeiro, Brazil", "Lisbon, Portugal", "Porto, Portugal", "Belo Horizonte, Brazil"),
    ("Milan, Lombardy, Italy", "Rome, Lazio, Italy", "Turin, Piedmont, Italy", "Bologna, Emilia-Romagna, Italy"),
    ("Amsterdam, North Holland, Netherlands", "Rotterdam, South Holland, Netherlands", "Utrecht, Netherlands",
     "Antwerp, Flanders, Belgium"),
)
