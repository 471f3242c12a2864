"""Postal addresses in the formats of the countries the leak benchmark covers.

A declarative Presidio ``PatternRecognizer``: three street shapes, each optionally followed by
a locality and postcode line, with context words.

- number first, then a street type: "221B Baker Street", "12 rue de la Paix", "5, avenue
  Samson" (US, GB, AU, IE, IN, FR);
- a street type inside or after the name, then the number: "Hauptstraße 5", "Skolvägen 76",
  "Kyanoweg 74", "Sankt Jørgensgade 10", "Tuulilasinkatu 40" (DE, NL, SE, FI, DK);
- a street type before the name, then the number: "ul. Paderewskiego 77", "Calle Mayor, 5",
  "Viale Goffredo, 19", "Rua Augusta, 120" (PL, ES, IT, BR);
- any "name number" or "number name" street, but only when a postcode follows ("Grammova 8,
  777 63 Městec Králové", "743 Rachel Burgs, North Debratown, FM 50466") (CZ, and streets
  without a type word anywhere).

A street with its postcode line is an address on its own (score 0.9). A street alone is
weaker (0.35, under the output threshold of 0.4, over the evidence threshold of 0.3): it
counts in an output only after a context word ("address", "lives at", "Adresse", ...), the
way Presidio raises a pattern's score by context. Evidence takes streets alone as they are:
more provenance only means fewer false alerts.

The fingerprinted value is the street part alone (name and number, case, spacing and
punctuation folded): "Hauptstraße 5" in an answer matches "Hauptstraße 5, 10115 Berlin" in
a record, as the same person's address should.
"""

from __future__ import annotations

from typing import ClassVar

import regex
from presidio_analyzer import Pattern, PatternRecognizer, RecognizerResult
from presidio_analyzer.nlp_engine import NlpArtifacts

from ..terms import zipf

POSTAL_ADDRESS = "POSTAL_ADDRESS"
# recognition_metadata key: the part of a match whose canonical form is fingerprinted
VALUE_KEY = "bleedwatch_value"

_EN_TYPES = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Drive|Dr|Court|Ct|Boulevard|Blvd|Way|Place|Pl|Terrace|"
    "Close|Crescent|Cres|Square|Sq|Parade|Parkway|Pkwy|Highway|Hwy|Circle|Cir|Row|Mews|Grove|Gardens|"
    "Walk|Hill|Rise|View|Trail|Trl|Plaza|Alley|Arcade|Esplanade|Promenade|Quay|Wharf|Green|Gate|Park|"
    "Path|Pike|Loop|Bypass|Causeway|Crossing|Expressway|Freeway|Junction|Landing|Manor|Meadows?|"
    "Orchard|Ridge|Summit|Turnpike|Viaduct|Vista|Burgs?|Canyon|Centre|Cliffs?|Corners?|Coves?|"
    "Creek|Crest|Dale|Estates?|Ferry|Fields?|Glens?|Groves?|Harbou?rs?|Haven|Heights|Hills|Hollow|"
    "Knolls?|Lakes?|Laneway|Lodge|Mall|Mills?|Motorway|Oval|Overpass|Passage|Pines?|Plains?|"
    "Prairie|Ranch|Ridges|Roads|Shores?|Springs?|Stravenue|Streets|Throughway|Trafficway|Triangle|"
    "Underpass|Valleys?|Nagar|Marg|Chowk|Colony|Approach|Chase|Circuit|Concourse|Copse|Glade|"
    "Grange|Wynd|Brae"
    # words that end everyday phrases too ("3 Key Points", "2 Main Lights") are left out: a
    # street named with one is still found when its postcode line follows
)
_FR_TYPES = (
    "rue|avenue|av\\.|boulevard|bd|place|chemin|allée|impasse|quai|route|cours|square|passage|"
    "voie|rond-point|faubourg|sentier|esplanade|promenade"
)
# German, Dutch, Swedish, Finnish, Danish street words, alone ("Berliner Straße") or as the
# end of a compound ("Hauptstraße", "Kyanoweg", "Skolvägen", "Tuulilasinkatu", "Reykjaviksgade").
_SUFFIX_TYPES = (
    "straße|strasse|str|gasse|weg|allee|platz|ring|damm|ufer|chaussee|steig|pfad|markt|"
    "straat|laan|singel|gracht|plein|kade|dijk|boulevard|hof|dreef|steeg|pad|haven|park|"
    "vägen|väg|gatan|gata|gränd|torget|torg|backen|stigen|allén|plan|"
    "katu|tie|kuja|polku|raitti|kaari|rinne|väylä|ranta|aukio|tori|puisto|"
    "vej|gade|allé|stræde|torv|plads|vænge|have"
)
_PREFIX_TYPES = (
    "ul\\.|ulica|al\\.|aleja|aleje|pl\\.|plac|os\\.|osiedle|"
    "calle|c/|c\\.|avenida|avda\\.|plaza|paseo|pasaje|camino|carretera|ronda|vía|via|travesía|glorieta|"
    "rambla|callejón|pasadizo|cuesta|urbanización|acceso|cañada|vial|"
    "viale|piazza|piazzale|corso|strada|vicolo|largo|contrada|borgo|lungomare|rotonda|vico|canale|"
    "incrocio|stretto|"
    "rua|travessa|alameda|praça|rodovia|estrada|jardim|lago|vila|setor|quadra|conjunto|lagoa|"
    "parque|residencial|recanto|chácara|sítio|ladeira|viela|morro|feira|fazenda|núcleo|vereda|passarela|"
    "aeroporto|campo|colônia|condomínio|distrito|esplanada|estação|favela|loteamento|praia|pátio|"
    "trecho|trevo|vale|viaduto|área"
)
_NUMBER = r"\d{1,5}[A-Za-z]?(?:[-/]\d{1,5}[A-Za-z]?)?"
_WORD = r"[\p{L}][\p{L}'’.\-]*"
_CAP = r"[\p{Lu}\d][\p{L}'’.\-]*"
_UNIT = (
    r"(?:[ \t,]+(?:Apt\.?|Apartment|Suite|Ste\.?|Unit|Flat|Piso|Puerta|Piano|Appartamento|App\.|Apto\.?"
    r"|Bl\.|m\.)"
    r"[ \t]*\w{1,5})*"
)

_STREET_NUMBER_FIRST = (
    rf"(?:(?:Flat|Unit|Level|Apt\.?)[ \t]+\w{{1,4}},?[ \t\n]+)?"
    rf"{_NUMBER},?[ \t]+(?:"
    rf"(?:{_CAP}[ \t]+){{0,3}}(?:{_EN_TYPES})\.?"  # 221B Baker Street
    rf"|(?i:{_FR_TYPES})(?:[ \t]+{_WORD}){{1,4}}"  # 12 rue de la Paix
    r")"
)
_STREET_SUFFIXED = (
    # the whole word, then a look back for its ending: no backtracking through every suffix
    # Hauptstraße, Skolvägen, Hauptstr.
    rf"(?:(?:{_CAP}[ \t\-]+){{0,3}}\p{{Lu}}[\p{{L}}\-]*+(?<=(?i:{_SUFFIX_TYPES}))\.?"
    rf"|(?:{_CAP}[ \t\-]+){{1,3}}(?:(?=\p{{Lu}})(?i:{_SUFFIX_TYPES}|straße|strasse)|bulevardi|katu|kuja))"
    rf",?[ \t]+{_NUMBER}"
)
_STREET_PREFIXED = (
    rf"(?i:{_PREFIX_TYPES})[ \t]+(?:{_WORD}[ \t]+){{0,4}}{_WORD},?[ \t]+(?:n[º°o]\.?[ \t]*)?{_NUMBER}"
)
_LOCALITY = r"[\p{Lu}'][\p{L}'’.]*(?:[ \t\-]+[\p{L}'’.]+){0,4}"
# India: "H.No. 17, Sodhi Chowk, Bhagalpur-706690", "28, Morar Zila, Kota-518190"
_STREET_IN = (
    r"(?:(?:H\.[ \t]?No\.|House[ \t]+No\.?|Flat[ \t]+No\.?|Plot[ \t]+No\.?)[ \t]*)?"
    rf"{_NUMBER},?[ \t]*[,\n][ \t]*"
    rf"(?:{_LOCALITY}[ \t]*[,\n][ \t]*){{0,2}}{_LOCALITY}[ \t]*[- ][ \t]*\d{{6}}(?!\d)"
)
# France without a number: "boulevard Mallet, 20749 Perrot"
_STREET_FR_BARE = rf"(?i:{_FR_TYPES})(?:[ \t]+{_WORD}){{1,4}}"
_STREET_BARE = (
    rf"(?:{_NUMBER}[ \t]+(?:{_CAP}[ \t]+){{0,3}}{_CAP}|(?:{_CAP}[ \t]+){{0,3}}{_CAP}[ \t]+{_NUMBER})"
)

_POSTCODE = (
    r"(?:[A-Z]{2}[ \t]+\d{5}(?:-\d{4})?"  # US state and ZIP
    r"|(?:VIC|NSW|QLD|SA|WA|TAS|NT|ACT),?[ \t]+\d{4}"  # AU state and postcode
    r"|[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}"  # GB
    r"|[AC-FHKNPRTV-Y]\d[0-9W][ \t]?[AC-FHKNPRTV-Y0-9]{4}"  # IE Eircode
    r"|\d{4}[ \t]?[A-Z]{2}"  # NL
    r"|\d{2}-\d{3}"  # PL
    r"|\d{5}-\d{3}"  # BR
    r"|\d{3}[ \t]\d{2}"  # CZ, SE
    r"|\d{4,8})"  # DE, FR, ES, IT, FI, DK, BR, IN, ...
)
# the town after the postcode, on the same line or the next; a full stop ends it
_CITY_AFTER = (
    r"(?:(?:,?[ \t]+|[ \t]*\n)[\p{L}'][\p{L}'’\-]*(?:[ \t\-]+[\p{L}'’][\p{L}'’\-]*){0,4}"
    r"(?:[ \t]*\([A-Z]{2}\)|[ \t]*/[ \t]*[A-Z]{2})?)?"
)
_TAIL = (
    rf"[ \t]*[,\n]?[ \t]*(?:{_LOCALITY}[ \t]*(?:,|\n|-|[ \t])[ \t]*){{0,2}}"
    rf"(?<![\w]){_POSTCODE}(?![\w]){_CITY_AFTER}"
)
# A street with no type word ("Grammova 8") is an address only before a postcode of a
# country's own shape, or five digits and a capitalised town: "Version 3, 2024 Release" is not.
_STRICT_POSTCODE = _POSTCODE.replace(r"|\d{4,8})", r"|\d{5}(?=[ \t]+\p{Lu}))")
_STRICT_TAIL = (
    rf"[ \t]*[,\n]?[ \t]*(?:{_LOCALITY}[ \t]*(?:,|\n|-|[ \t])[ \t]*){{0,2}}"
    rf"(?<![\w]){_STRICT_POSTCODE}(?![\w]){_CITY_AFTER}"
)
_STREETS = rf"(?:{_STREET_NUMBER_FIRST}|{_STREET_SUFFIXED}|{_STREET_PREFIXED})"

_CONTEXT = [
    "address",
    "addresses",
    "street",
    "live",
    "lives",
    "living",
    "located",
    "deliver",
    "delivery",
    "ship",
    "shipping",
    "send",
    "mail",
    "post",
    "residence",
    "home",
    "adresse",
    "anschrift",
    "wohne",
    "wohnt",
    "dirección",
    "domicilio",
    "indirizzo",
    "adres",
    "endereço",
    "morada",
    "adress",
    "osoite",
    "adresa",
    "bydlím",
    "mieszkam",
    "woon",
    "habite",
    "vivo",
    "abito",
    "moro",
    "bor",
    "asun",
]
_CONTEXT_WINDOW = 60
_EVERYDAY_ZIPF = 4.0
# a postcode of a country's own shape (not just digits): US/AU state, GB, IE, NL, PL, BR, CZ/SE
_COUNTRY_POSTCODE = regex.compile(
    r"(?<![\w])(?:[A-Z]{2,3},?[ \t]+\d{4,5}|[A-Z]{1,2}\d[A-Z\d]?[ \t]*\d[A-Z]{2}"
    r"|[AC-FHKNPRTV-Y]\d[0-9W][ \t]?[AC-FHKNPRTV-Y0-9]{4}|\d{4}[ \t]?[A-Z]{2}|\d{2,5}-\d{3}"
    r"|\d{3}[ \t]\d{2})(?![\w])"
)
_CONTEXT_RE = regex.compile(
    r"(?<![\p{L}])(?:" + "|".join(regex.escape(w) for w in _CONTEXT) + r")(?![\p{L}])", regex.IGNORECASE
)
_STREET_GROUP = regex.compile(rf"^(?P<street>{_STREETS}|{_STREET_BARE}){_UNIT}")
_TYPED = regex.compile(rf"(?P<street>{_STREETS}{_UNIT})(?P<tail>{_TAIL})?", regex.DOTALL | regex.MULTILINE)


class PostalAddressRecognizer(PatternRecognizer):
    """Street addresses (see the module docstring); context words raise a street alone."""

    STREET_SCORE = 0.35
    FULL_SCORE = 0.9  # over spaCy's PERSON (0.85): "Bennett Mall" is part of the address
    CONTEXT_BOOST = 0.3

    PATTERNS: ClassVar[list[Pattern]] = [
        # a typed street, with its postcode line if one follows (scored in analyze: one pass)
        Pattern("street", rf"(?<![\w]){_STREETS}{_UNIT}(?:{_TAIL})?(?![\w])", STREET_SCORE),
        Pattern(
            "bare_street_with_postcode",
            rf"(?<![\w])(?:{_STREET_BARE}|{_STREET_FR_BARE}){_UNIT}{_STRICT_TAIL}",
            FULL_SCORE,
        ),
        Pattern("indian_address", rf"(?<![\w]){_STREET_IN}", FULL_SCORE),
    ]

    def __init__(self) -> None:
        super().__init__(
            supported_entity=POSTAL_ADDRESS,
            patterns=self.PATTERNS,
            context=_CONTEXT,
            name="PostalAddressRecognizer",
            # case matters here (a street name is capitalised): Presidio's default flags ignore it
            global_regex_flags=regex.DOTALL | regex.MULTILINE,
        )

    def analyze(
        self,
        text: str,
        entities: list[str],
        nlp_artifacts: NlpArtifacts | None = None,
        regex_flags: int | None = None,
    ) -> list[RecognizerResult]:
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        out = []
        for result in results:
            surface = text[result.start : result.end]
            street = _STREET_GROUP.match(surface)
            value = street.group("street") if street is not None else surface
            explanation = result.analysis_explanation
            pattern = explanation.pattern_name if explanation is not None else None
            if pattern == "street":
                typed = _TYPED.match(surface)
                if typed is not None and typed.group("tail"):
                    result.score = self.FULL_SCORE  # the street and its postcode line
            if (
                explanation is not None
                and explanation.pattern_name == "bare_street_with_postcode"
                and _COUNTRY_POSTCODE.search(surface) is None
            ):
                words = [w for w in regex.findall(r"\p{L}+", value) if len(w) > 1]
                if words and all(zipf(w.casefold()) >= _EVERYDAY_ZIPF for w in words):
                    continue  # "Order 12, 12345 Total": everyday English words, not a street name
            if result.score < self.FULL_SCORE:
                # Presidio's context enhancement needs spaCy's artefacts; the same idea, by regex:
                before = text[max(0, result.start - _CONTEXT_WINDOW) : result.start]
                if _CONTEXT_RE.search(before):
                    result.score = min(1.0, result.score + self.CONTEXT_BOOST)
            meta = dict(result.recognition_metadata or {})
            meta[VALUE_KEY] = value
            result.recognition_metadata = meta
            out.append(result)
        return out
