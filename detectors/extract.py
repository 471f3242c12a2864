"""Stateless feature extraction: the CPU-heavy half of the pipeline.

Everything here depends only on an event's text, never on session state, so it can run in
batches and off the event loop. The result holds keyed hashes plus the raw spans needed to
build findings; it never leaves the process.
"""

from __future__ import annotations

import dataclasses
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field

from bleedwatch.models import Event, EventKind

from .config import DetectorConfig
from .docvalues import DocumentationMatcher
from .encoder import SentenceEncoder, packaged_encoder
from .feature_cache import ExtractionCache
from .fold import fold
from .hashing import KeyedHasher
from .language import DEFAULT_LANGUAGE, LanguageIdentifier, packaged_identifier
from .masking import mask_value
from .normalize import family, normalize
from .pii import NAME_GATE_ZIPF, PiiEngine, PiiSpan, name_words
from .recognizers import candidate_names
from .semantic import StaticEmbedder, Vector
from .terms import terms_of, zipf
from .text import Token, shingles, tokenize, winnow

# a fenced code block (or an unclosed one, to the end): left out of what the encoder reads
_CODE_FENCE = re.compile(r"```.*?```", re.S)  # closed blocks only: "wrap it in ``` fences" is prose
_MIN_PROSE_WORDS = 6


@dataclass(frozen=True, slots=True)
class PiiItem:
    entity_type: str
    start: int
    end: int
    score: float
    key: int
    fingerprint: str
    masked: str
    token_keys: tuple[int, ...] = ()  # names' words ("Ms. Okafor"), spaced numbers' digit groups
    # A name-shaped span NER did not confirm: reported only when another session saw it.
    candidate: bool = False
    # A documentation value or a weakly shaped secret: reported only when a session supplied it.
    attributed_only: bool = False


@dataclass(slots=True)
class Extraction:
    event: Event
    pii: list[PiiItem]
    token_keys: set[int]
    term_weights: dict[int, float]
    tokens: list[Token]
    shingle_keys: list[int]
    shingle_fps: list[str] = field(repr=False)
    winnowed: list[int] = field(default_factory=list)
    topic: Vector | None = field(default=None, repr=False)  # unit vector of the PII-free text
    # Evidence: its uncommon words, so that later answers may name them without NER.
    # Outputs: their capitalised uncommon words, the ones NER would have to look at.
    name_keys: tuple[int, ...] = ()
    pattern_spans: list[PiiSpan] = field(default_factory=list, repr=False)  # outputs, before NER
    names_checked: bool = False  # an output whose pattern spans NER has completed
    language: str = DEFAULT_LANGUAGE  # ISO 639-1; term rarity is that language's
    # Outputs: windows of consecutive sentences (char spans) and their terms, for partial drift;
    # the PII-free text the encoder reads if drift makes the output a candidate.
    window_spans: list[tuple[int, int]] = field(default_factory=list, repr=False)
    window_terms: list[dict[int, float]] = field(default_factory=list, repr=False)
    semantic_text: str = field(default="", repr=False)
    # Evidence (inputs and contexts): the encoder's vector of its PII-free text, for the profile.
    profile_vector: Vector | None = field(default=None, repr=False)

    def semantic_parts(self) -> list[str]:
        """What the encoder reads of a candidate output: all of it, then each window, with
        fenced code blocks left out. A sentence encoder reads code as unrelated to any prose
        (a fixture answering "write me a test fixture for the payments client" scored 0.04 and
        was confirmed as drift), as are windows reaching into it, and what is left must have
        six words or more; an answer that is all code gives no parts, and the static topic
        check decides it as before."""
        text = self.semantic_text
        if "```" not in text:
            return [text, *(text[start:end] for start, end in self.window_spans)]
        code = [m.span() for m in _CODE_FENCE.finditer(text)]
        parts = [_CODE_FENCE.sub(" ", text)]
        for start, end in self.window_spans:  # windows that reach into code are left out
            if not any(start < c_end and c_start < end for c_start, c_end in code):
                parts.append(text[start:end])
        return [p for p in parts if len(p.split()) >= _MIN_PROSE_WORDS]

    @property
    def needs_names(self) -> bool:
        return self.event.kind is EventKind.MODEL_OUTPUT and bool(self.name_keys) and not self.names_checked

    @property
    def pii_keys(self) -> list[int]:
        return [p.key for p in self.pii]

    def probe_keys(self) -> list[int]:
        """Every ledger key judging this event may ask about."""
        names = [k for p in self.pii for k in p.token_keys]
        return [*self.pii_keys, *names, *self.shingle_keys, *self.term_weights]

    def provenance_keys(self) -> list[int]:
        """Everything this event makes known to its session."""
        keys = [*self.pii_keys, *self.token_keys, *self.term_weights, *self.shingle_keys]
        if self.event.kind is not EventKind.MODEL_OUTPUT:
            keys.extend(self.name_keys)
        return keys

    def indexed_keys(self) -> list[int]:
        """What goes into the cross-session index.

        Evidence gives its PII values; contexts, tool traces and answers give winnowed
        shingles. An answer's PII is not indexed: a name the model brought up itself (a public
        figure, say) is no proof of whose data it is, and the answer's real personal data is
        already indexed from the evidence it came from.
        """
        kind = self.event.kind
        keys = [] if kind is EventKind.MODEL_OUTPUT else self.pii_keys
        if kind is not EventKind.USER_INPUT:
            keys = keys + [self.shingle_keys[i] for i in self.winnowed]
        return keys


_NAME_WORD_MAX_ZIPF = 4.0
# A word this frequent in the text's own (non-English) language is one of its words, not a name.
_LANGUAGE_WORD_ZIPF = 2.5
_TRAILING_DIGITS = re.compile(r"\d{8,}$")
_EVERYDAY_ZIPF = 5.0


class Extractor:
    def __init__(
        self,
        config: DetectorConfig,
        pii: PiiEngine,
        hasher: KeyedHasher,
        embedder: StaticEmbedder | None = None,
        cache: ExtractionCache | None = None,
        encoder: SentenceEncoder | None = None,
        languages: LanguageIdentifier | None = None,
    ) -> None:
        self.config = config
        self.pii = pii
        self.hasher = hasher
        self.embedder = embedder
        self.cache = cache if cache is not None else ExtractionCache(config.extraction_cache_entries)
        self.docs = DocumentationMatcher(config.pii.documentation_values)
        self.encoder = encoder
        self.languages = languages
        self.encoded = 0  # evidence texts encoded, and the seconds it took (this process)
        self.encode_seconds = 0.0

    @classmethod
    def for_config(
        cls, config: DetectorConfig, pii: PiiEngine, encoder: SentenceEncoder | None = None
    ) -> Extractor:
        """An extractor as the pipeline uses it: keyed hashes, topic vectors if drift is semantic,
        encoder vectors of inputs and contexts if drift uses the encoder, and each event's
        language if rarity is per language. Models load once per process (this runs in each
        extraction worker of the stream)."""
        drift = config.drift
        embedder = StaticEmbedder.packaged() if drift.enabled and drift.semantic else None
        if not (drift.enabled and drift.semantic and drift.encoder):
            encoder = None
        elif encoder is None:
            encoder = packaged_encoder(drift.encoder_max_tokens, drift.encoder_threads)
        languages = packaged_identifier() if drift.enabled and drift.languages else None
        hasher = KeyedHasher(config.hmac_secret.get_secret_value())
        return cls(config, pii, hasher, embedder, encoder=encoder, languages=languages)

    def extract_batch(self, events: Sequence[Event]) -> list[Extraction]:
        """Everything but NER, which :meth:`with_names` adds where provenance cannot explain
        an output's names (the pipeline decides, against the session's evidence)."""
        cache = self.cache
        hits: list[Extraction | None] = []
        keys: list[tuple[str, bytes]] = []
        fresh: dict[tuple[str, bytes], Extraction] = {}  # extracted now: one per distinct text
        for event in events:
            output = event.kind is EventKind.MODEL_OUTPUT
            key = cache.key("output" if output else "evidence", event.content)
            if key in fresh:  # a repeat within the batch: a hit on what this batch extracted
                cache.hits += 1
                ex = None
            else:
                ex = cache.get(key, event)
            if ex is None and key not in fresh:
                spans = self.pii.output_patterns if output else self._evidence_spans
                fresh[key] = self._extract(event, spans(event.content))
            hits.append(ex)
            keys.append(key)
        # encoded before they are cached, so that a repeated context is encoded once
        self._encode_profiles(list(fresh.values()))
        stored = {key: cache.put(key, ex) for key, ex in fresh.items()}
        result = []
        for event, key, hit in zip(events, keys, hits, strict=True):
            if hit is not None:
                result.append(hit)
            else:
                entry = stored.pop(key, None)  # the first gets the copy put() handed out
                result.append(entry if entry is not None else dataclasses.replace(fresh[key], event=event))
        return result

    def _encode_profiles(self, extractions: Sequence[Extraction]) -> None:
        """Encoder vectors of the batch's inputs and contexts, in one call (cached ones kept).

        Tool traces are data, not what a session talks about; outputs are encoded only when
        drift makes them candidates (on the stateful side, :class:`~.judge.Judge`).
        """
        if self.encoder is None:
            return
        languages = self.config.drift.encoder_languages  # the encoder compares no other language
        todo = [
            ex
            for ex in extractions
            if ex.profile_vector is None
            and ex.event.kind in (EventKind.USER_INPUT, EventKind.RETRIEVED_CONTEXT)
            and ex.language in languages
            and ex.semantic_text.strip()
        ]
        if todo:
            started = time.perf_counter()
            vectors = self.encoder.encode([ex.semantic_text for ex in todo])
            self.encoded += len(todo)
            self.encode_seconds += time.perf_counter() - started
            for ex, vector in zip(todo, vectors, strict=True):
                ex.profile_vector = vector

    def with_names(self, extractions: Sequence[Extraction]) -> list[Extraction]:
        """The same outputs with NER's PERSON spans added, in one ``nlp.pipe``.

        Only the PII items change: tokens, shingles, terms and the topic come from the
        pattern spans, whether NER ran or not.
        """
        cache = self.cache
        keys = [cache.key("named", ex.event.content) for ex in extractions]
        out: list[Extraction | None] = [
            cache.get(key, ex.event) for key, ex in zip(keys, extractions, strict=True)
        ]
        missed: dict[tuple[str, bytes], list[int]] = {}  # one NER run per distinct text
        for i, ex in enumerate(out):
            if ex is None:
                missed.setdefault(keys[i], []).append(i)
        firsts = [extractions[group[0]] for group in missed.values()]
        texts = [ex.event.content for ex in firsts]
        found = self.pii.with_persons(texts, [ex.pattern_spans for ex in firsts])
        for (key, group), first, text, spans in zip(missed.items(), firsts, texts, found, strict=True):
            items = self._pii_items(spans, _unconfirmed_names(text, spans, first.language))
            entry = cache.put(key, dataclasses.replace(first, pii=items, names_checked=True))
            for i in group:
                out[i] = dataclasses.replace(entry, event=extractions[i].event)
        return [ex for ex in out if ex is not None]

    def _evidence_spans(self, text: str) -> list[PiiSpan]:
        spans = self.pii.analyze_evidence(text)
        # name shapes in the folded text too: a record's "J\u00f6rg M\u00fcller" is Jörg Müller
        folded = fold(text)
        for s, e, t in candidate_names(folded.text):
            start, end = folded.original(s, e)
            spans.append(PiiSpan("PERSON", start, end, 0.5, t))
        return spans

    def _pii_item(self, span: PiiSpan, candidate: bool = False) -> PiiItem | None:
        region = self.config.pii.default_phone_region
        value = normalize(span.entity_type, span.text, region)
        if not value:
            return None
        kind = family(span.entity_type)
        digest = self.hasher.digest(f"pii:{kind}", value)
        token_keys: tuple[int, ...] = ()
        if kind == "name":
            token_keys = tuple(self.hasher.key64("tok", word) for word in value.split() if len(word) > 1)
        elif kind == "address":
            # an address the session gave in other words ("Hauptstraße 5" for a record's full
            # address line) is explained when it knew every word and number of it
            token_keys = tuple(self.hasher.key64("tok", t.text) for t in tokenize(span.text))
        elif kind == "phone":
            # A spaced digit run the session supplied verbatim (part of an account number it
            # was given, say) is explained by its digit groups even if it never scored as a phone.
            groups = tokenize(span.text)
            if len(groups) > 1:
                token_keys = tuple(self.hasher.key64("tok", g.text) for g in groups)
        return PiiItem(
            entity_type=span.entity_type,
            start=span.start,
            end=span.end,
            score=round(span.score, 4),
            key=int.from_bytes(digest[:8], "big"),
            fingerprint=digest[:16].hex(),
            masked=mask_value(span.entity_type, span.text),
            token_keys=token_keys,
            candidate=candidate,
            attributed_only=span.attributed_only or self.docs.matches(span.entity_type, span.text, value),
        )

    def _digit_run_keys(self, tokens: list[Token]) -> list[int]:
        """Phone keys for long digit runs inside tokens ("GB30OGCP7312265775140").

        An account number that no recognizer accepts (a wrong length, say) is still something
        the session supplied; its digits, quoted back with spaces, read as a phone number.
        """
        keys = []
        for token in tokens:
            run = _TRAILING_DIGITS.search(token.text)
            if run is not None:
                value = normalize("PHONE_NUMBER", run.group())
                keys.append(int.from_bytes(self.hasher.digest("pii:phone", value)[:8], "big"))
        return keys

    def _pii_items(self, spans: list[PiiSpan], candidates: list[PiiSpan]) -> list[PiiItem]:
        items = [item for span in spans if (item := self._pii_item(span)) is not None]
        items += [i for span in candidates if (i := self._pii_item(span, True)) is not None]
        return items

    def _extract(self, event: Event, spans: list[PiiSpan]) -> Extraction:
        """``spans``: what the pattern recognizers found (and, for evidence, name shapes)."""
        hasher = self.hasher
        text = event.content
        tokens = tokenize(text)
        token_keys = {hasher.key64("tok", t.text) for t in tokens}
        token_keys.update(self._digit_run_keys(tokens))
        output = event.kind is EventKind.MODEL_OUTPUT
        language = self.languages.detect(text) if self.languages is not None else DEFAULT_LANGUAGE
        if output:
            # name-shaped spans that Presidio did not find: judged only if another session saw them
            candidates = _unconfirmed_names(text, spans, language)
            named = name_words(text, tokens)
            # The topic leaves out the output's PII, judged by provenance instead; the vector
            # also leaves out capitalised uncommon words (names, brands). Neither depends on
            # whether NER runs later.
            pii_like = [*spans, *candidates]
            topic_tokens = [
                t for t in tokens if not any(s.start < t.end and t.start < s.end for s in pii_like)
            ]
            off_topic = [*pii_like, *(PiiSpan("NAME_WORD", t.start, t.end, 0.0, t.text) for t in named)]
            gate = {t.text for t in named}
        else:
            candidates, off_topic, topic_tokens, pii_like = [], spans, tokens, spans
            gate = {t.text for t in tokens if zipf(t.text) < NAME_GATE_ZIPF}
        terms = {
            hasher.key64("term", term): weight for term, weight in terms_of(topic_tokens, language).items()
        }
        # The encoder reads the text without its PII, but with its capitalised words ("GitHub",
        # "API"): they carry its topic, and a vector of them is learnt only if the output is allowed.
        semantic_text = _blank(text, pii_like if output else spans)
        window_spans: list[tuple[int, int]] = []
        window_terms: list[dict[int, float]] = []
        if output and self.config.drift.windows:
            for start, end in _windows(text, topic_tokens, language, self.config.drift.window_min_weight):
                inside = [t for t in topic_tokens if start <= t.start and t.end <= end]
                window_spans.append((start, end))
                window_terms.append(
                    {hasher.key64("term", term): w for term, w in terms_of(inside, language).items()}
                )
        pcfg = self.config.passage
        digests = [hasher.digest("sh", s) for s in shingles(tokens, pcfg.shingle_tokens)]
        shingle_keys = [int.from_bytes(d[:8], "big") for d in digests]
        items = self._pii_items(spans, candidates)
        name_keys = tuple(sorted(hasher.key64("etok", word) for word in gate)) if self.pii.finds_names else ()
        return Extraction(
            event=event,
            pii=items,
            token_keys=token_keys,
            term_weights=terms,
            tokens=tokens,
            shingle_keys=shingle_keys,
            shingle_fps=[d[:16].hex() for d in digests],
            winnowed=winnow(shingle_keys, pcfg.winnow_window),
            # PII-free, so that the session's topic vector at rest cannot carry a value
            topic=self.embedder.embed(_blank(text, off_topic)) if self.embedder else None,
            name_keys=name_keys,
            pattern_spans=spans if output else [],  # NER adds to these later
            language=language,
            window_spans=window_spans,
            window_terms=window_terms,
            semantic_text=semantic_text,
        )


_SENTENCE_END = re.compile(r"(?<=[.!?;:])\s+|\n\s*")


def _windows(text: str, tokens: list[Token], language: str, min_weight: float) -> list[tuple[int, int]]:
    """Runs of consecutive sentences, each carrying at least ``min_weight`` rare-term weight
    (a short tail joins the window before it). None when the whole text is one window."""
    bounds, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > start:
            bounds.append((start, m.start()))
        start = m.end()
    if start < len(text):
        bounds.append((start, len(text)))
    if len(bounds) < 2:
        return []
    windows: list[tuple[int, int]] = []
    current: tuple[int, int] | None = None
    weight = 0.0
    for s_start, s_end in bounds:
        current = (current[0] if current else s_start, s_end)
        inside = [t for t in tokens if s_start <= t.start and t.end <= s_end]
        weight += sum(terms_of(inside, language).values())
        if weight >= min_weight:
            windows.append(current)
            current, weight = None, 0.0
    if current is not None and windows:
        windows[-1] = (windows[-1][0], current[1])
    return windows if len(windows) > 1 else []


def _blank(text: str, spans: list[PiiSpan]) -> str:
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)


def _unconfirmed_names(text: str, spans: list[PiiSpan], language: str = DEFAULT_LANGUAGE) -> list[PiiSpan]:
    """Name-shaped spans of an output that overlap nothing Presidio found.

    A run of everyday words ("Central European Time") is a title, not a name: at least one
    word must be uncommon in English, and in the text's own language (German capitalises
    every noun: "Die Erstattung" is no name, and its words are what the answer is about).
    """

    def uncommon(word: str) -> bool:
        if zipf(word) >= _NAME_WORD_MAX_ZIPF:
            return False
        return language == DEFAULT_LANGUAGE or zipf(word, language) < _LANGUAGE_WORD_ZIPF

    return [
        PiiSpan("PERSON", start, end, 0.5, surface)
        for start, end, surface in candidate_names(text)
        if all(end <= s.start or start >= s.end for s in spans)
        and any(uncommon(t.text) for t in tokenize(surface))
    ]
