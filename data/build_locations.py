#!/usr/bin/env python3
"""Builds data/locations.txt from the shared gazetteers (GeoNames via locations.tsv, CC BY 4.0).

Usage: python3 data/build_locations.py SHARED_DATA_DIR > data/locations.txt

Output: one place per line, `name<TAB>kind<TAB>flags`, kind `c` country, `s` state/region/province,
`t` city or town. Flags: `w` the name is an ordinary English word (`Nice`, `Reading`), `p` it is a common
given name or surname (`Florence`, `Jordan`), `n` a rarer one (`Kimberley`), `b` a city of 200,000 people or more. Pruned: names shorter
than 3 characters (2 for countries: `UK`) or containing digits, cities below 15,000 people (GeoNames cities15000 keeps a few
smaller capitals). Hand-added (CC0, plain facts): endonyms of countries (`Deutschland`, `España`) and the
states, provinces and regions of countries whose addresses name them (IN, AU, CA, DE, IT, ES, FR, NL, UK).
"""
import sys

EXTRA_COUNTRIES = """Deutschland Allemagne Alemania Germania Duitsland España Espagne Spagna Spanje Spanien
Italia Italie Italien Italië Nederland Niederlande Pays-Bas Países Bajos Paesi Bassi Frankreich Francia Frankrijk
Belgique België Belgien Schweiz Suisse Svizzera Österreich Autriche Brasil México Polska Sverige Norge Danmark Suomi
Éire Portugal Royaume-Uni Reino Unido Regno Unito Vereinigtes Königreich Verenigd Koninkrijk Estados Unidos
États-Unis Stati Uniti Vereinigte Staaten Bharat Hindustan"""
# Multi-word endonyms are listed whole below; the line above is split on spaces except these.
MULTI = ["Pays-Bas", "Países Bajos", "Paesi Bassi", "Royaume-Uni", "Reino Unido", "Regno Unito",
         "Vereinigtes Königreich", "Verenigd Koninkrijk", "Estados Unidos", "États-Unis", "Stati Uniti",
         "Vereinigte Staaten"]

REGIONS = [
    # India: states and union territories
    "Andhra Pradesh", "Arunachal Pradesh", "Assam", "Bihar", "Chhattisgarh", "Goa", "Gujarat", "Haryana",
    "Himachal Pradesh", "Jharkhand", "Karnataka", "Kerala", "Madhya Pradesh", "Maharashtra", "Manipur",
    "Meghalaya", "Mizoram", "Nagaland", "Odisha", "Orissa", "Punjab", "Rajasthan", "Sikkim", "Tamil Nadu",
    "Telangana", "Tripura", "Uttar Pradesh", "Uttarakhand", "West Bengal", "Andaman and Nicobar Islands",
    "Chandigarh", "Dadra and Nagar Haveli", "Daman and Diu", "Delhi", "Jammu and Kashmir", "Ladakh",
    "Lakshadweep", "Puducherry", "Pondicherry",
    # Australia
    "New South Wales", "Victoria", "Queensland", "Western Australia", "South Australia", "Tasmania",
    "Australian Capital Territory", "Northern Territory",
    # Canada
    "Alberta", "British Columbia", "Manitoba", "New Brunswick", "Newfoundland and Labrador", "Nova Scotia",
    "Ontario", "Prince Edward Island", "Quebec", "Québec", "Saskatchewan", "Yukon", "Nunavut",
    "Northwest Territories",
    # Germany
    "Baden-Württemberg", "Bayern", "Bavaria", "Brandenburg", "Hessen", "Hesse", "Mecklenburg-Vorpommern",
    "Niedersachsen", "Lower Saxony", "Nordrhein-Westfalen", "North Rhine-Westphalia", "Rheinland-Pfalz",
    "Saarland", "Sachsen", "Saxony", "Sachsen-Anhalt", "Schleswig-Holstein", "Thüringen", "Thuringia",
    # Italy
    "Abruzzo", "Basilicata", "Calabria", "Campania", "Emilia-Romagna", "Friuli-Venezia Giulia", "Lazio",
    "Liguria", "Lombardia", "Lombardy", "Marche", "Molise", "Piemonte", "Piedmont", "Puglia", "Apulia",
    "Sardegna", "Sardinia", "Sicilia", "Sicily", "Toscana", "Tuscany", "Trentino-Alto Adige", "Umbria",
    "Valle d'Aosta", "Veneto",
    # Spain
    "Andalucía", "Andalusia", "Aragón", "Asturias", "Baleares", "Islas Baleares", "Canarias",
    "Canary Islands", "Cantabria", "Castilla-La Mancha", "Castilla y León", "Cataluña", "Catalonia",
    "Catalunya", "Extremadura", "Galicia", "La Rioja", "Navarra", "Navarre", "País Vasco", "Basque Country",
    "Comunidad Valenciana", "Comunidad de Madrid", "Región de Murcia",
    # France
    "Auvergne-Rhône-Alpes", "Bourgogne-Franche-Comté", "Bretagne", "Brittany", "Centre-Val de Loire",
    "Corse", "Corsica", "Grand Est", "Hauts-de-France", "Île-de-France", "Normandie", "Normandy",
    "Nouvelle-Aquitaine", "Occitanie", "Pays de la Loire", "Provence-Alpes-Côte d'Azur",
    # Netherlands
    "Drenthe", "Flevoland", "Friesland", "Fryslân", "Gelderland", "Groningen", "Limburg", "Noord-Brabant",
    "North Brabant", "Noord-Holland", "North Holland", "Overijssel", "Utrecht", "Zeeland", "Zuid-Holland",
    "South Holland",
    # United Kingdom (countries are in the country list)
    "Greater London", "Greater Manchester", "West Midlands", "West Yorkshire", "South Yorkshire",
    "Merseyside", "Lancashire", "Yorkshire", "Cornwall", "Devon", "Kent", "Essex", "Surrey", "Sussex",
    "Hampshire",
]


def main(shared):
    first = {}
    for line in open(f"{shared}/first_names.tsv", encoding="utf-8"):
        name, _, count, _ = line.rstrip("\n").split("\t")
        first[name.lower()] = max(first.get(name.lower(), 0), int(count))
    last = {}
    for line in open(f"{shared}/last_names.tsv", encoding="utf-8"):
        name, _, count, _ = line.rstrip("\n").split("\t")
        last[name.lower()] = max(last.get(name.lower(), 0), int(count))
    common = {w.strip() for w in open(f"{shared}/common_words_en.txt", encoding="utf-8")}

    rows = {}

    def add(name, kind, pop):
        if len(name) < (2 if kind == "c" else 3) or any(ch.isdigit() for ch in name):
            return
        key = (name.lower(), kind)
        low = name.lower()
        flags = ""
        if " " not in name and low in common:
            flags += "w"
        if first.get(low, 0) >= 100_000 or last.get(low, 0) >= 50_000:
            flags += "p"
        elif first.get(low, 0) >= 1_000 or last.get(low, 0) >= 1_000:
            flags += "n"
        if pop >= 200_000:
            flags += "b"
        old = rows.get(key)
        if old is None or len(flags) > len(old[2]):
            rows[key] = (name, kind, flags)

    for line in open(f"{shared}/locations.tsv", encoding="utf-8"):
        name, kind, pop, _ = line.rstrip("\n").split("\t")
        pop = int(pop) if pop else 0
        if kind == "city" and pop < 15_000:
            continue
        add(name, {"country": "c", "state": "s", "city": "t"}[kind], pop)
    words = EXTRA_COUNTRIES.split()
    for m in MULTI:
        for part in m.split():
            if part in words:
                words.remove(part)
    for name in words + MULTI:
        add(name, "c", 0)
    for name in REGIONS:
        add(name, "s", 0)
    order = {"c": 0, "s": 1, "t": 2}
    for name, kind, flags in sorted(rows.values(), key=lambda r: (order[r[1]], r[0])):
        print(f"{name}\t{kind}\t{flags}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/data")
