"""The controlled vocabularies of a record: one table, slugs with Swedish and English labels.

Records store the ASCII slug; output prints the label in the reader's language. The models
build their ``Literal`` types from this table, so a slug exists in exactly one place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple


class Term(NamedTuple):
    sv: str
    en: str
    group: str | None = None


VOCABULARIES: dict[str, dict[str, Term]] = {
    "sector": {
        "naringsliv": Term("näringsliv", "business and industry"),
        "offentlig_sektor": Term("offentlig sektor", "public sector"),
        "ideburen_sektor": Term("idéburen sektor", "non-profit sector"),
        "akademi": Term("akademi", "academia"),
    },
    "subsector": {
        "storforetag": Term("storföretag", "large company", "naringsliv"),
        "smf": Term("små och medelstora företag", "SME", "naringsliv"),
        "statligt_bolag": Term("statligt ägt bolag", "state-owned company", "naringsliv"),
        "kommun": Term("kommun", "municipality", "offentlig_sektor"),
        "region": Term("region", "region", "offentlig_sektor"),
        "statlig_myndighet": Term("statlig myndighet", "government agency", "offentlig_sektor"),
        "kommunalt_bolag": Term("kommunalt bolag", "municipal company", "offentlig_sektor"),
        "ideell_forening": Term("ideell förening", "association", "ideburen_sektor"),
        "stiftelse": Term("stiftelse", "foundation", "ideburen_sektor"),
        "trossamfund": Term("trossamfund", "faith organisation", "ideburen_sektor"),
        "fackforbund": Term("fackförbund", "trade union", "ideburen_sektor"),
        "studentkar": Term("studentkår", "students' union", "ideburen_sektor"),
        "universitet": Term("universitet", "university", "akademi"),
        "hogskola": Term("högskola", "university college", "akademi"),
    },
    "party_role": {
        "larosate_host": Term("värdlärosäte", "host university"),
        "larosate": Term("lärosäte", "university"),
        "partner": Term("partner", "partner"),
    },
    "phase": {
        "initiering": Term("initiering", "initiation"),
        "uppstart": Term("uppstart", "starting up"),
        "drift": Term("drift", "running"),
        "utvardering": Term("utvärdering", "evaluation"),
        "nystart": Term("nystart", "new start"),
        "avveckling": Term("avveckling", "phasing out"),
        "avslutad": Term("avslutad", "closed"),
    },
    "level": {
        "strategisk": Term("strategisk nivå", "strategic level"),
        "taktisk": Term("taktisk nivå", "tactical level"),
        "operativ": Term("operativ nivå", "operational level"),
    },
    "form_group": {
        "forskning": Term("forskning", "research"),
        "utbildning": Term("utbildning", "education"),
        "kompetensforsorjning": Term("kompetensförsörjning", "skills supply"),
        "nyttiggorande": Term("nyttiggörande", "utilisation"),
        "relation": Term("relation", "relationship"),
    },
    "form": {
        "forskningsprojekt": Term(
            "gemensamt forskningsprojekt", "joint research project", "forskning"
        ),
        "gemensam_ansokan": Term("gemensam ansökan", "joint funding application", "forskning"),
        "centrum": Term("kompetenscentrum", "joint centre", "forskning"),
        "industridoktorand": Term("industridoktorand", "industrial PhD student", "forskning"),
        "doktorandprojekt": Term("doktorandprojekt", "partner-linked PhD project", "forskning"),
        "adjungering": Term("adjungering", "adjunct post", "forskning"),
        "personrorlighet": Term("personrörlighet", "staff mobility", "forskning"),
        "infrastruktur": Term("delad infrastruktur", "shared infrastructure", "forskning"),
        "examensarbete": Term("examensarbete", "degree project", "utbildning"),
        "praktik": Term("praktik / VFU", "work placement", "utbildning"),
        "studentprojekt": Term("studentprojekt", "student project", "utbildning"),
        "gastforelasning": Term("gästföreläsning", "guest lecture", "utbildning"),
        "utbildningsutveckling": Term(
            "utbildningsutveckling", "curriculum development", "utbildning"
        ),
        "uppdragsutbildning": Term("uppdragsutbildning", "contract education", "utbildning"),
        "rekrytering": Term("rekrytering", "recruitment", "kompetensforsorjning"),
        "skolsamverkan": Term("skolsamverkan", "school outreach", "kompetensforsorjning"),
        "innovation": Term(
            "innovation och nyttiggörande", "innovation and utilisation", "nyttiggorande"
        ),
        "strategisk_dialog": Term("strategisk dialog", "strategic dialogue", "relation"),
        "evenemang": Term("seminarium / partnerskapsdag", "seminar / partnership day", "relation"),
        "kommunikation": Term("gemensam kommunikation", "joint communication", "relation"),
        "natverk_plattform": Term("nätverk / plattform", "network / platform", "relation"),
    },
    "domain": {
        "teknik_naturvetenskap": Term("teknik och naturvetenskap", "engineering and science"),
        "medicin_vard": Term("medicin och vård", "medicine and health"),
        "samhallsvetenskap": Term("samhällsvetenskap", "social sciences"),
        "humaniora_konst": Term("humaniora och konst", "humanities and arts"),
        "utbildningsvetenskap": Term("utbildningsvetenskap", "educational sciences"),
    },
    "agreement_type": {
        "avsiktsforklaring": Term("avsiktsförklaring", "letter of intent"),
        "mou": Term("samförståndsavtal", "memorandum of understanding"),
        "samverkansavtal": Term("samverkansavtal", "collaboration agreement"),
        "partnerskapsavtal": Term("partnerskapsavtal", "partnership agreement"),
        "ramavtal": Term("ramavtal", "framework agreement"),
    },
    "body_type": {
        "ledningsmote": Term("ledningsmöte", "leadership meeting"),
        "partnerskapsrad": Term("partnerskapsråd", "partnership council"),
        "styrgrupp": Term("styrgrupp", "steering group"),
        "koordineringsgrupp": Term("koordineringsgrupp", "coordination group"),
        "arbetsgrupp": Term("arbetsgrupp", "working group"),
        "temagrupp": Term("temagrupp", "theme group"),
        "core_team": Term("kärngrupp", "core team"),
    },
    "support_function": {
        "samverkansavdelning": Term("samverkansavdelning", "collaboration office"),
        "innovationskontor": Term("innovationskontor", "innovation office"),
        "grants_office": Term("forskningsfinansiering", "grants office"),
        "juridik": Term("juridik", "legal"),
        "kommunikation": Term("kommunikation", "communications"),
        "hr": Term("HR", "HR"),
        "ekonomi": Term("ekonomi", "finance"),
        "forskningsstod": Term("forskningsstöd", "research support"),
        "utbildningsstod": Term("utbildningsstöd", "education support"),
    },
    "criterion": {
        "leadership": Term("ledningens engagemang", "leadership engagement"),
        "commitment": Term("långsiktiga åtaganden", "long-term commitment"),
        "goals": Term("gemensamma mål", "common goals"),
        "diversity": Term("mångfald av samverkansformer", "diversity of forms"),
        "benefit": Term("ömsesidig nytta", "mutual benefit"),
        "levels": Term("relationer på alla nivåer", "relations at all levels"),
        "resources": Term("öronmärkta resurser", "earmarked resources"),
        "support": Term("interna stödstrukturer", "support structures"),
        "coordinator": Term("samordnare", "coordinator"),
        "structure": Term("struktur", "structure"),
        "assessment": Term("självvärdering", "self-assessment"),
        "ethics": Term("etik", "ethics"),
        "closing": Term("avveckling", "closing"),
    },
    "member_role": {
        "chair": Term("ordförande", "chair"),
        "member": Term("ledamot", "member"),
        "secretary": Term("sekreterare", "secretary"),
        "rapporteur": Term("föredragande", "rapporteur"),
    },
    "status": {
        "open": Term("öppet", "open"),
        "done": Term("klart", "done"),
        "cancelled": Term("inställt", "cancelled"),
        "planned": Term("planerat", "planned"),
        "ongoing": Term("pågår", "ongoing"),
        "completed": Term("avslutat", "completed"),
        "held": Term("genomfört", "held"),
        "active": Term("aktivt", "active"),
        "achieved": Term("uppnått", "achieved"),
        "dropped": Term("avfört", "dropped"),
    },
    "instrument": {
        "spets_self_evaluation_interview": Term(
            "SPETS självvärderingsintervjuer", "SPETS self-evaluation interviews"
        ),
        "spets_round_table": Term("SPETS rundabordssamtal", "SPETS round table"),
        "tpi_health_check": Term("TPI hälsokontroll", "TPI health check"),
        "rag_checklist": Term("checklista röd/gul/grön", "RAG checklist"),
        "wilder_cfi": Term(
            "Wilder Collaboration Factors Inventory", "Wilder Collaboration Factors Inventory"
        ),
        "alliance_health_check": Term("hälsokontroll av alliansen", "alliance health check"),
        "custom": Term("eget instrument", "own instrument"),
    },
    "log_type": {
        "meeting": Term("möte", "meeting"),
        "note": Term("anteckning", "note"),
        "contact": Term("kontakt", "contact"),
        "issue": Term("problem", "issue"),
        "risk": Term("risk", "risk"),
        "change": Term("förändring", "change"),
        "communication": Term("kommunikation", "communication"),
        "resource_allocation": Term("resursfördelning", "resource allocation"),
    },
    "resource_kind": {
        "personnel_fte": Term("personaltid", "staff time"),
        "money": Term("pengar", "money"),
        "in_kind": Term("in natura", "in kind"),
        "infrastructure": Term("infrastruktur", "infrastructure"),
        "premises": Term("lokaler", "premises"),
        "positions": Term("tjänster", "posts"),
    },
    "resource_unit": {
        "FTE": Term("heltidsekvivalenter", "full-time equivalents"),
        "SEK": Term("kronor", "Swedish kronor"),
        "SEK_per_year": Term("kronor per år", "Swedish kronor per year"),
        "percent_of_post": Term("procent av en tjänst", "percent of a post"),
        "count": Term("antal", "number"),
    },
    "resource_status": {
        "planned": Term("planerad", "planned"),
        "committed": Term("utlovad", "committed"),
        "used": Term("använd", "used"),
    },
    "direction": {
        "increase": Term("ska öka", "should increase"),
        "decrease": Term("ska minska", "should decrease"),
        "maintain": Term("ska behållas", "should be kept"),
    },
    "frequency": {
        "quarterly": Term("varje kvartal", "every quarter"),
        "yearly": Term("varje år", "every year"),
    },
    "rating": {
        "red": Term("röd", "red"),
        "amber": Term("gul", "amber"),
        "green": Term("grön", "green"),
        "low": Term("låg", "low"),
        "medium": Term("medel", "medium"),
        "high": Term("hög", "high"),
    },
    "meeting_kind": {
        "ordinary": Term("ordinarie möte", "ordinary meeting"),
        "extra": Term("extra möte", "extra meeting"),
        "partnership_day": Term("partnerskapsdag", "partnership day"),
    },
    "language": {"sv": Term("svenska", "Swedish"), "en": Term("engelska", "English")},
}


def slugs(vocabulary: str) -> tuple[str, ...]:
    return tuple(VOCABULARIES[vocabulary])


def label(vocabulary: str, slug: str, lang: str | None = None) -> str:
    """The label of ``slug`` in ``lang`` (default: the current message language); an unknown
    slug is shown as itself."""
    term = VOCABULARIES[vocabulary].get(slug)
    if term is None:
        return slug
    if lang is None:
        from partnerkit.i18n import current_language

        lang = current_language()
    return term.sv if lang == "sv" else term.en


def group_of(vocabulary: str, slug: str) -> str | None:
    term = VOCABULARIES[vocabulary].get(slug)
    return term.group if term else None


class UnknownTerm(ValueError):
    """Text that names no value of a vocabulary; the message lists the accepted labels."""


def parse_term(vocabulary: str, text: str, allowed: Iterable[str] | None = None) -> str:
    """The slug that a user means by ``text``: the slug itself or its Swedish or English
    label, in any case, with or without å, ä, ö and é (``näringsliv``, ``Naringsliv``,
    ``business and industry`` → ``naringsliv``). ``allowed`` narrows the vocabulary (a
    field that takes only some of its values).

    Raises :class:`UnknownTerm`, whose message lists the accepted values by their labels in
    the current language."""
    choices = tuple(allowed) if allowed is not None else slugs(vocabulary)
    wanted = _folded(text)
    for slug in choices:
        term = VOCABULARIES[vocabulary].get(slug)
        spellings = (slug, term.sv, term.en) if term else (slug,)
        if wanted in {_folded(spelling) for spelling in spellings}:
            return slug
    from partnerkit.i18n import _

    labels = ", ".join(label(vocabulary, slug) for slug in choices)
    raise UnknownTerm(_("use one of: {allowed}").format(allowed=labels))


def _folded(text: str) -> str:
    """Text as it is compared with the slugs and labels: lower case, without accents, one
    space for each run of spaces and underscores."""
    import unicodedata

    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(plain.replace("_", " ").split())
