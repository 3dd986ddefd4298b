"""Names of countries, states and provinces: a source named so is a government or a people.

"Canada said", "Ohio is seeking": news writes a place for the institutions that speak for it,
so such a source is an organisation, never a person.
"""

from __future__ import annotations

__all__ = ["PLACE_NAMES", "PLACE_NOUNS"]

_COUNTRIES = """
Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan
Bahamas Bahrain Bangladesh Barbados Belarus Belgium Belize Benin Bhutan Bolivia Bosnia
Botswana Brazil Brunei Bulgaria Burkina_Faso Burundi Cambodia Cameroon Canada Chad Chile
China Colombia Comoros Congo Costa_Rica Croatia Cuba Cyprus Czechia Czech_Republic Denmark
Djibouti Dominica Dominican_Republic Ecuador Egypt El_Salvador Eritrea Estonia Eswatini
Ethiopia Fiji Finland France Gabon Gambia Georgia Germany Ghana Greece Grenada Guatemala
Guinea Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy
Jamaica Japan Jordan Kazakhstan Kenya Kiribati Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon
Lesotho Liberia Libya Liechtenstein Lithuania Luxembourg Madagascar Malawi Malaysia Maldives
Mali Malta Mauritania Mauritius Mexico Micronesia Moldova Monaco Mongolia Montenegro Morocco
Mozambique Myanmar Namibia Nauru Nepal Netherlands New_Zealand Nicaragua Niger Nigeria
North_Korea North_Macedonia Norway Oman Pakistan Palau Palestine Panama Papua_New_Guinea
Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda Samoa San_Marino
Saudi_Arabia Senegal Serbia Seychelles Sierra_Leone Singapore Slovakia Slovenia Somalia
South_Africa South_Korea South_Sudan Spain Sri_Lanka Sudan Suriname Sweden Switzerland Syria
Taiwan Tajikistan Tanzania Thailand Togo Tonga Trinidad Tunisia Turkey Turkmenistan Tuvalu
Uganda Ukraine United_Arab_Emirates United_Kingdom United_States Uruguay Uzbekistan Vanuatu
Vatican Venezuela Vietnam Yemen Zambia Zimbabwe Britain England Scotland Wales Korea
America Europe European_Union Africa Asia Moscow Beijing Washington Tehran Kyiv Kiev
Pyongyang Ottawa Brussels Paris London Berlin Tokyo Seoul Delhi New_Delhi Ankara Riyadh
"""

_STATES = """
Alabama Alaska Arizona Arkansas California Colorado Connecticut Delaware Florida Hawaii Idaho
Illinois Indiana Iowa Kansas Kentucky Louisiana Maine Maryland Massachusetts Michigan
Minnesota Mississippi Missouri Montana Nebraska Nevada New_Hampshire New_Jersey New_Mexico
New_York North_Carolina North_Dakota Ohio Oklahoma Oregon Pennsylvania Rhode_Island
South_Carolina South_Dakota Tennessee Texas Utah Vermont Virginia West_Virginia Wisconsin
Wyoming Alberta British_Columbia Manitoba New_Brunswick Newfoundland Nova_Scotia Ontario
Quebec Saskatchewan Prince_Edward_Island Yukon Nunavut Bavaria Catalonia Scotland
"""

#: Place names, with their words joined by spaces ("New Hampshire").
PLACE_NAMES = frozenset(name.replace("_", " ") for name in (_COUNTRIES + _STATES).split())

#: Nouns that make "the province", "the city" a government rather than a person.
PLACE_NOUNS = frozenset(
    "country nation state province city town county region republic kingdom capital "
    "territory district municipality village island".split()
)
