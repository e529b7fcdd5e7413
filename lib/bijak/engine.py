"""The matcher: builds a document once per text, then runs every compiled rule over it.

Order of work, after LanguageTool: normalize -> tokenize -> look every token up once (all sets in one
pass) -> disambiguate (senses take innocent readings out of sets) -> rules -> suppression (negation,
condemnation of a quoted word, post-level cues such as a debunk) -> findings in original offsets.
"""

from __future__ import annotations

import bisect
import gc
import re
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from . import opinion, prepared, regexp
from .config import Config, ConfigError
from .context import Context
from .demand import Demand
from .findings import Finding, Severity
from .lexicon import Lexicon, PhraseNode
from .normalize import Normalized, normalize
from .prefilter import DIGIT, LiteralFinder, Occurrences, analyse
from .rules import ANYWHERE_WINDOWS, Rule, RuleBook, RulePackError, Sense, load_rulebook
from .tokens import Token, Tokenizer, keep_acronyms, squeeze

MAX_TEXT = 2_000_000
MAX_REMEMBERED = 200_000  # distinct word forms whose look-ups are kept
NEGATION_WINDOW = 3
NEGATORS = "negasi"
CONDEMNATION = "kecaman"
REPORTED_SPEECH = "kutipan"
QUOTED = re.compile(r'"[^"\n]{1,80}"|“[^”\n]{1,80}”|\'[^\'\n]{1,80}\'|‘[^’\n]{1,80}’|«[^»\n]{1,80}»')
DIGIT_RE = re.compile(r"\d")
CLAUSE_BREAK = re.compile(r"[,;:]")
MAX_ANCHORS = 6  # beyond this many candidate starts, one scan in C beats calls from Python
LONG_CLAUSE = 12  # words; an opinion rule underlines at most UNDERLINED_WORDS of a longer clause
UNDERLINED_WORDS = 8
MAX_SCAN_ANCHORS = 40  # with more candidate starts near the literals, scan instead
MIN_REGION_TEXT = 600  # below this, finding the sentences costs more than scanning them all
REGION_MARGIN = 3  # characters of the neighbouring sentences a pattern may see: ". ", "!\n"
_ASCII_CAPITALS = re.compile(r"[A-Z]{3}")
_ENDS_TEXT = re.compile(r"(?<!\\)\$|\\Z")
SILENCE = re.compile(r"bijak[-:](?:abaikan|ignore)\b((?:[ :=,]+[a-z][a-z0-9-]*)*)")


class TokenEntry(NamedTuple):
    roots: tuple[str, ...]  # the lexicon words a token may stand for
    sets: tuple[str, ...]  # the sets those words (or the token's kind) belong to
    phrase_roots: tuple[str, ...]  # those roots that start a multi-word entry


class Hit(NamedTuple):
    first: int  # token indices, inclusive
    last: int
    start: int  # normalized-text offsets
    end: int
    sentence: int


class HitList:
    """Hits sorted by position, with windowed look-ups that stay fast on megabyte inputs."""

    __slots__ = ("firsts", "hits")

    def __init__(self, hits: Iterable[Hit]) -> None:
        self.hits = sorted(set(hits))
        self.firsts = [h.first for h in self.hits]

    def __bool__(self) -> bool:
        return bool(self.hits)

    def __iter__(self) -> Iterator[Hit]:
        return iter(self.hits)

    def near(
        self,
        anchor: Hit,
        window: int,
        sentences: int | None = 0,
        itself: bool = False,
        after: bool = False,
        taken: list[Hit] | None = None,
    ) -> Hit | None:
        """The closest hit within ``window`` tokens of ``anchor`` and ``sentences`` sentences of it
        (None: anywhere), only after it if asked; ``anchor`` itself only if asked; none sharing a
        token with a ``taken`` hit."""
        low = bisect.bisect_right(self.firsts, anchor.last) if after else (
            bisect.bisect_left(self.firsts, anchor.first - window - 8)
        )
        high = bisect.bisect_right(self.firsts, anchor.last + window)
        best: tuple[int, Hit] | None = None
        for hit in self.hits[low:high]:
            if (hit == anchor and not itself) or (
                sentences is not None and abs(hit.sentence - anchor.sentence) > sentences
            ):
                continue
            if taken and any(hit.first <= t.last and t.first <= hit.last for t in taken):
                continue
            gap = max(0, hit.first - anchor.last, anchor.first - hit.last)
            if gap <= window and (best is None or gap < best[0]):
                best = (gap, hit)
        return best[1] if best else None

    def before(self, position: int, window: int, sentence: int) -> Hit | None:
        """The nearest hit ending within ``window`` tokens before token ``position``."""
        low = bisect.bisect_left(self.firsts, position - window - 8)
        high = bisect.bisect_left(self.firsts, position)
        near = [
            h
            for h in self.hits[low:high]
            if h.sentence == sentence and position - window <= h.last < position
        ]
        return max(near, key=lambda h: h.last) if near else None

    def in_sentence(self, sentence: int) -> bool:
        return any(h.sentence == sentence for h in self.hits)


EMPTY = HitList(())


@dataclass(slots=True)
class Document:
    norm: Normalized
    tokens: list[Token]
    roots: list[tuple[str, ...]]  # per token: the lexicon words it may stand for
    sets: dict[str, list[Hit]]  # raw hits per set, in token order; HitLists are built on demand
    boundaries: list[int]
    token_starts: list[int]
    token_ends: list[int]
    quotes: list[tuple[int, int]]
    pattern_hits: dict[str, HitList] = field(default_factory=dict)
    candidates: list[int] = field(default_factory=list)  # rules that may fire, by number
    pattern_runs: set[str] = field(default_factory=set)  # the patterns run on it (for cost reports)
    signal_hits: dict[Signal, HitList] | None = None  # set once disambiguation is done
    has_digit: bool = False
    negators: HitList = EMPTY  # cues for suppression, gathered once per document
    condemnation: HitList = EMPTY
    reporting: HitList = EMPTY
    doubted: dict[tuple[str, int, int], bool] = field(default_factory=dict)  # the second opinion's
    read: dict[int, set[str]] = field(default_factory=dict)  # what it reads in each sentence, once

    def tokens_of(self, first: int, last: int) -> slice:
        """The tokens of sentences ``first``..``last`` (a token's sentence: boundaries before it)."""
        bounds, starts = self.boundaries, self.token_starts
        low = bisect.bisect_right(starts, bounds[first - 1]) if 0 < first <= len(bounds) else 0
        high = bisect.bisect_right(starts, bounds[last]) if 0 <= last < len(bounds) else len(starts)
        return slice(low, high) if first <= len(bounds) else slice(0, 0)

    def hit_for_span(self, start: int, end: int) -> Hit:
        first = bisect.bisect_right(self.token_ends, start)
        last = max(first, bisect.bisect_left(self.token_starts, end) - 1)
        return Hit(first, last, start, end, bisect.bisect_left(self.boundaries, start))

    def regions(self, positions: Iterable[int]) -> list[tuple[int, int, int]]:
        """Where a pattern can match, given where its required literals occur: the sentence of each
        occurrence, seen with the end of the sentence before and the whole sentence after, as
        ``(pos, endpos, last start)``; overlapping regions are merged."""
        bounds, size = self.boundaries, len(self.norm.text)
        regions: list[tuple[int, int, int]] = []
        for position in sorted(positions):
            sentence = bisect.bisect_left(bounds, position)
            low = max(0, bounds[sentence - 1] - REGION_MARGIN) if sentence else 0
            last = bounds[sentence] + 1 if sentence < len(bounds) else size
            high = bounds[sentence + 1] + REGION_MARGIN if sentence + 1 < len(bounds) else size
            if regions and low <= regions[-1][1]:
                low = regions[-1][0]
                regions.pop()
            regions.append((low, min(high, size), last))
        return regions

    def quoted(self, hit: Hit) -> bool:
        index = bisect.bisect_right(self.quotes, (hit.start, len(self.norm.text))) - 1
        return index >= 0 and self.quotes[index][0] < hit.start and hit.end < self.quotes[index][1]


@dataclass(frozen=True, slots=True)
class Signal:
    """One signal group: any of some sets, literal words (anonymous sets) or patterns."""

    sets: tuple[str, ...]
    patterns: tuple[str, ...]

    def hits(self, doc: Document) -> HitList:
        """This group's hits in ``doc``; remembered once the document's sets are final, since
        many rules share a group ("@negasi", "@partai")."""
        cache = doc.signal_hits
        if cache is not None:
            known = cache.get(self)
            if known is None:
                known = cache[self] = self._collect(doc)
            return known
        return self._collect(doc)

    def _collect(self, doc: Document) -> HitList:
        found: list[Hit] = []
        for name in self.sets:
            found.extend(doc.sets.get(name, ()))
        if not found and not self.patterns:
            return EMPTY
        for pattern in self.patterns:
            found.extend(doc.pattern_hits.get(pattern, EMPTY).hits)
        return HitList(found)


SENTENCE_REACH = {"sentence": 0, "adjacent": 1, "post": None}  # a scope's reach in sentences
ANYWHERE = 1 << 30  # a window of tokens no post reaches


@dataclass(frozen=True, slots=True)
class CompiledRule:
    rule: Rule
    groups: tuple[Signal, ...]
    reaches: tuple[tuple[int, int | None], ...]  # per group after the first: (tokens, sentences)
    orders: tuple[bool, ...]  # per group after the first: must it come after its origin's hit?
    unless_reach: tuple[int, int]  # how far ``unless_near`` looks from each member, the same way
    unless_near: Signal | None
    unless_post: Signal | None
    escalate: tuple[tuple[Severity, Signal | None, str], ...]


class Linter:
    """Compiles the rule packs and the configuration once; ``lint`` is then cheap and re-entrant."""

    def __init__(
        self,
        config: Config | dict[str, Any] | None = None,
        *,
        regex_backend: str | None = None,
        rulebook: RuleBook | None = None,
        start_up: prepared.Prepared | None = None,
        second_opinion: opinion.SecondOpinion | None = None,
    ) -> None:
        self.config = config if isinstance(config, Config) else Config.from_dict(config or {})
        self.backend = regex_backend or regexp.default_backend()
        # results computed at wheel build time; used while building, never kept (see ``prepared``)
        self._start_up = prepared.shipped() if start_up is None else start_up
        self.book = rulebook or load_rulebook(self._start_up)
        self.acronyms = frozenset(self.book.acronyms)
        self._check_rule_ids()
        self.opinion = self._second_opinion(second_opinion, own_rules=rulebook is not None)
        self.opinion_rules = {
            r.category: r for r in self.book.rules if r.opinion and self.opinion and self._enabled(r)
        }
        self.lexicon = self._build_lexicon()
        self.compiled_patterns: dict[str, CompiledPattern] = {}
        # a rule switched off still runs, unreported, where its category's opinion rule may speak:
        # it keeps that quiet wherever it finds something (the model never stands in for it)
        self.rules = [
            self._compile(rule) for rule in self.book.rules
            if not rule.opinion and (self._enabled(rule) or rule.category in self.opinion_rules)
        ]  # fmt: skip
        self.muted = frozenset(n for n, c in enumerate(self.rules) if not self._enabled(c.rule))
        # per sense: its cue signal, and its words as token roots have them (squeezed, expanded)
        self.senses = [
            (sense, self._signal(sense.near), self._sense_words(sense)) for sense in self.book.senses
        ]
        self.lexicon.freeze()  # only now: freezing forgets the keys of every word added
        self.senses_by_set: dict[str, list[int]] = {}  # a post wakes only the senses of its sets
        for number, sense in enumerate(self.book.senses):
            for name in sense.sets:
                self.senses_by_set.setdefault(name, []).append(number)
        self._compile_set_patterns()
        self._index_patterns()
        self._index_sets()
        self.demand = self._demand()
        del self._start_up
        self.agency = [
            (p, regexp.compile_pattern(p.pattern, self.backend)) for p in self.config.patterns
        ]
        self.allow = {squeeze(normalize(word).text) for word in self.config.allow}
        self.agency_words = _agency_words(self.config)
        self.tokenize = Tokenizer(self.lexicon.abbreviations)
        self._default_context: tuple[Context, frozenset[str]] | None = None
        self._entries: dict[tuple[str, str, str], TokenEntry] = {}

    # ---- compile -------------------------------------------------------------------------
    def _second_opinion(
        self, given: opinion.SecondOpinion | None, own_rules: bool
    ) -> opinion.SecondOpinion | None:
        """The model that may demote warnings: calibrated on the shipped rules' findings, so a rule
        book of one's own gets it only when given one."""
        if not self.config.second_opinion:
            return None
        return given or (None if own_rules else opinion.shipped())

    def _check_rule_ids(self) -> None:
        known = {r.id for r in self.book.rules}
        for rule_id in self.config.rules:
            if rule_id not in known:
                raise ConfigError(f"rules.{rule_id}: unknown rule id (see 'bijak rules')")
        clashes = known & {p.id for p in self.config.patterns}
        if clashes:
            raise ConfigError(f"patterns: id {sorted(clashes)[0]} is already a built-in rule")

    def _build_lexicon(self) -> Lexicon:
        lexicon = Lexicon(
            keep=frozenset(self.book.keep),
            abbreviations=self.book.abbreviations,
            acronyms=self.acronyms,
            known_keys=self._start_up.word_keys(self.book.abbreviations, self.acronyms),
        )
        self.set_includes: dict[str, list[str]] = {}  # a set may include another, built-ins too
        for name, words in self.book.sets.items():
            for word in words:
                if word.startswith("@"):
                    self.set_includes.setdefault(name, []).append(word[1:])
        for name, item in self.lexicon_items():
            lexicon.add(name, item)
        return lexicon

    def lexicon_items(self) -> Iterator[tuple[str, str]]:
        """Every (set, word, phrase or ``re:`` pattern) the lexicon holds: the packs' sets, the
        configured lists, and each rule's and sense's own words (anonymous sets named "=word")."""
        configured = {
            "calon": candidate_names(self.config.candidates, self.book.candidate_titles),
            "tagar_kampanye": self.config.hashtags,
            "kode_rahasia": self.config.confidential_terms,
            "partai": self.config.parties,
        }
        for name, words in [*self.book.sets.items(), *configured.items()]:
            yield from ((name, word) for word in words if not word.startswith("@"))
        own = [i for sense in self.book.senses for i in sense.near]
        for rule in self.book.rules:
            own += [i for g in rule.signals for i in g] + list(rule.unless_near + rule.unless_post)
            own += [i for e in rule.escalate for i in e.near]
        yield from (("=" + item, item) for item in own if not item.startswith(("@", "re:")))

    def _sense_words(self, sense: Sense) -> frozenset[str]:
        return frozenset(sense.words) | {k for w in sense.words for k in self.lexicon.keys_of(w)[:1]}

    def _signal(self, items: Iterable[str]) -> Signal:
        sets, patterns = [], []
        for item in items:
            if item.startswith("@"):
                sets.append(item[1:])
            elif item.startswith("re:"):
                patterns.append(item[3:])
                self._compile_pattern(item[3:])
            else:
                sets.append("=" + item)
        return Signal(tuple(sets), tuple(patterns))

    def _compile_pattern(self, pattern: str) -> None:
        if pattern not in self.compiled_patterns:
            self.compiled_patterns[pattern] = CompiledPattern(pattern, self.backend, self._start_up)

    def _compile_set_patterns(self) -> None:
        for patterns in self.lexicon.patterns.values():
            for pattern in patterns:
                self._compile_pattern(pattern)

    def _index_sets(self) -> None:
        """Which sets each pattern feeds, and which sets include which (transitively)."""
        self.sets_by_pattern: dict[str, list[str]] = {}
        for name, patterns in self.lexicon.patterns.items():
            for pattern in patterns:
                self.sets_by_pattern.setdefault(pattern, []).append(name)
        self.include_closure: dict[str, tuple[str, ...]] = {}
        self.included_by: dict[str, list[str]] = {}
        for name in self.set_includes:
            seen: list[str] = []
            pending = list(self.set_includes[name])
            while pending:
                other = pending.pop(0)
                if other != name and other not in seen:
                    seen.append(other)
                    pending.extend(self.set_includes.get(other, ()))
            self.include_closure[name] = tuple(seen)
            for other in seen:
                self.included_by.setdefault(other, []).append(name)

    def _demand(self) -> Demand:
        rules = [
            (c.groups, [s for s in (c.unless_near, c.unless_post) if s] + [e[1] for e in c.escalate if e[1]])
            for c in self.rules
        ]
        senses = [(sense.sets, cue) for sense, cue, _words in self.senses]
        cues = (NEGATORS, CONDEMNATION, REPORTED_SPEECH)
        return Demand(rules, senses, cues, self.lexicon.patterns, self.include_closure)

    def _index_patterns(self) -> None:
        """Which patterns to run for which literals: most posts need only a few of them."""
        self.patterns_by_literal: dict[str, list[str]] = {}
        self.unfiltered_patterns: list[str] = []
        self.digit_patterns: list[str] = []
        for pattern, compiled in self.compiled_patterns.items():
            if compiled.literals is None:
                self.unfiltered_patterns.append(pattern)
                continue
            for literal in compiled.literals:
                if literal == DIGIT:
                    self.digit_patterns.append(pattern)
                else:
                    self.patterns_by_literal.setdefault(literal, []).append(pattern)
        located = {
            lit for c in self.compiled_patterns.values() for s in (c.leading or (), *c.mandatory) for lit in s
        }
        self.literal_finder = LiteralFinder(set(self.patterns_by_literal) | located)

    def _run_patterns(self, doc: Document, token_sets: set[str]) -> None:
        """Run the patterns the post's literals make possible and that ``demand`` says matter;
        note the rules that may fire."""
        present = self.literal_finder.present(doc.norm.text)
        possible = self._possible_patterns(doc, present)
        doc.candidates, needed = self.demand.needed(token_sets, possible)
        doc.pattern_runs = needed
        occurrences = Occurrences(doc.norm.text, present)
        for pattern in needed:
            spans = self.compiled_patterns[pattern].spans(doc, occurrences)
            if spans:
                doc.pattern_hits[pattern] = HitList([doc.hit_for_span(*span) for span in spans])

    def _possible_patterns(self, doc: Document, present: set[str]) -> set[str]:
        """Patterns whose mandatory literals all occur in the text: only these can match."""
        candidates = set(self.unfiltered_patterns)
        if doc.has_digit:
            candidates.update(self.digit_patterns)
        by_literal = self.patterns_by_literal
        candidates.update(*[by_literal[literal] for literal in present & by_literal.keys()])
        compiled = self.compiled_patterns
        return {p for p in candidates if not compiled[p].checks or compiled[p].possible(present)}

    def _compile(self, rule: Rule) -> CompiledRule:
        return CompiledRule(
            rule=rule,
            groups=tuple(self._signal(group) for group in rule.signals),
            reaches=_reaches(rule),
            orders=_orders(rule),
            unless_reach=_exception_reach(rule),
            unless_near=self._signal(rule.unless_near) if rule.unless_near else None,
            unless_post=self._signal(rule.unless_post) if rule.unless_post else None,
            escalate=tuple(
                (e.severity, self._signal(e.near) if e.near else None, e.when)
                for e in rule.escalate
            ),
        )

    def _enabled(self, rule: Rule) -> bool:
        if self.config.rules.get(rule.id) == "off":
            return False
        return self.config.categories.get(rule.category, True)

    @staticmethod
    def settle() -> None:
        """For hosts that lint many posts: exempt everything built so far (compiled rules, lexicon)
        from the cyclic garbage collector. Its full passes otherwise walk the whole lexicon and,
        now and then, stretch one lint from ~8 to ~50 ms. Objects are still freed by reference
        counting; only cycles among them would no longer be collected."""
        gc.freeze()

    def warm(self, budget_s: float) -> int:
        """Compile not yet compiled patterns for about ``budget_s`` seconds; how many are left.

        Patterns compile on first use, so a linter is ready at once; a host with idle time (the
        extension, right after start-up) calls this in short slices so that first posts are not
        slowed by compiling."""
        deadline = time.perf_counter() + budget_s
        pending = [c for c in self.compiled_patterns.values() if not c.compiled]
        for done, compiled in enumerate(pending):
            if time.perf_counter() >= deadline:
                return len(pending) - done
            compiled.regex  # noqa: B018 - compiles it
        return 0

    # ---- lint ----------------------------------------------------------------------------
    def lint(
        self, text: str, context: Context | dict[str, Any] | None = None, *, every_rule: bool = False
    ) -> list[Finding]:
        """Findings for ``text``, sorted by position, with offsets into ``text`` itself.

        One finding per problem: where findings of one category overlap, the most severe (then the
        narrowest: the words themselves) stands for them, as a reader sees one underline.
        ``every_rule`` keeps each rule's own finding instead (a rule's examples are checked that way)."""
        if not isinstance(text, str):
            raise TypeError("text must be a str")
        if len(text) > MAX_TEXT:
            raise ValueError(f"text is longer than {MAX_TEXT:,} characters; split it into posts")
        context, flags = self._context(context)
        doc = self._document(text)
        silenced = _silenced_rules(doc.norm.text)
        found: list[Finding] = []
        heard: set[str] = set()  # categories some rule has found something of, reported or not
        for number in doc.candidates:
            compiled = self.rules[number]
            rule = compiled.rule
            muted = number in self.muted or not silenced.isdisjoint(("*", rule.id, rule.category))
            if muted and not self._may_speak(rule.category, heard, silenced):
                continue
            for members, severity in self._matches(compiled, doc, flags):
                heard.add(rule.category)
                if muted:
                    break
                lowered_from = ""
                if not every_rule and self._doubted(rule, doc, members, severity):
                    lowered_from, severity = str(severity), Severity.INFO
                finding = self._finding(rule, doc, members, severity, context.employee_type, lowered_from)
                found.append(finding)
        found.extend(self._agency_findings(doc, silenced))
        heard = set() if every_rule else heard | {f.category for f in found}
        found.extend(self._opinion_findings(doc, heard, silenced, context.employee_type))
        return _tidy(found, self.config.min_severity, self.allow, every_rule)

    def _context(self, given: Context | dict[str, Any] | None) -> tuple[Context, frozenset[str]]:
        """The post's context over the configured defaults, and the flags rules may require;
        without a per-post context both are the same every time, so they are kept."""
        if given is None and self._default_context is not None:
            return self._default_context
        context = given
        if not isinstance(context, Context):
            defaults = dict(self.config.context)
            defaults.update(given or {})
            context = Context.from_dict(defaults)
        result = context, context.flags(self.config.working_hours, self.config.election_window)
        if given is None:
            self._default_context = result
        return result

    def _document(self, text: str) -> Document:
        norm = normalize(text)
        tokens, boundaries = self.tokenize.split(norm.text)
        if self.acronyms:
            keep_acronyms(norm, tokens, self.acronyms)
        entries = [self._lookup(t) for t in tokens]
        roots = [entry.roots for entry in entries]
        doc = Document(
            norm=norm,
            tokens=tokens,
            roots=roots,
            sets={},
            boundaries=boundaries,
            token_starts=[t.start for t in tokens],
            token_ends=[t.end for t in tokens],
            quotes=[m.span() for m in QUOTED.finditer(norm.text)],
            has_digit=DIGIT_RE.search(norm.text) is not None,
        )
        found = self._token_hits(doc, entries)
        self._run_patterns(doc, set(found))
        doc.sets = self._with_pattern_hits(doc, found)
        self._disambiguate(doc)
        doc.signal_hits = {}
        doc.negators = HitList(doc.sets.get(NEGATORS, ()))
        doc.condemnation = HitList(doc.sets.get(CONDEMNATION, ()))
        doc.reporting = HitList(doc.sets.get(REPORTED_SPEECH, ()))
        return doc

    def _token_hits(self, doc: Document, entries: list[TokenEntry]) -> dict[str, list[Hit]]:
        """Every set's hits from the tokens themselves (words, phrases, built-ins); patterns come later."""
        found: dict[str, list[Hit]] = defaultdict(list)
        tokens, trie = doc.tokens, self.lexicon.phrase_trie
        # a word is in a dozen sets: gather the hits of each form (one tuple of sets) first, then
        # hand them to its sets; hits of a set are sorted later (``HitList``), so order is free
        by_form: dict[int, tuple[tuple[str, ...], list[Hit]]] = {}
        for index, (_roots, names, phrase_roots) in enumerate(entries):
            if names:
                hit = _token_hit(tokens[index], index)
                group = by_form.get(id(names))
                if group is None:
                    by_form[id(names)] = (names, [hit])
                else:
                    group[1].append(hit)
            for root in phrase_roots:
                _phrase_hits(doc, index, index, trie[root], found)
        for names, hits in by_form.values():
            for name in names:
                found[name].extend(hits)
        self._shouted_words(doc, found)
        return found

    def _lookup(self, token: Token) -> TokenEntry:
        """What a token is in the lexicon; the same for every occurrence of its form, so remembered."""
        form = (token.kind, token.raw, token.key)
        entry = self._entries.get(form)
        if entry is None:
            if len(self._entries) > MAX_REMEMBERED:  # bounded memory on endless streams of new words
                self._entries.clear()
            entry = self._entries[form] = self._look_up(token)
        return entry

    def _look_up(self, token: Token) -> TokenEntry:
        roots = self.lexicon.roots(token)
        builtin = BUILTIN_SETS.get(token.kind)
        names: dict[str, None] = {builtin: None} if builtin else {}
        starts: list[str] = []
        if token.key not in self.allow:
            for root in roots:
                if root not in self.allow:
                    names.update(dict.fromkeys(self.lexicon.single.get(root, ())))
                    if root in self.lexicon.phrase_trie:
                        starts.append(root)
        return TokenEntry(roots, tuple(names), tuple(starts))

    def _with_pattern_hits(self, doc: Document, found: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
        """The final set hits: token hits, plus the hits of patterns listed in sets, plus includes."""
        for pattern, hits in doc.pattern_hits.items():
            for name in self.sets_by_pattern.get(pattern, ()):
                found.setdefault(name, []).extend(hits.hits)
        self._merge_includes(found)
        return found

    def _merge_includes(self, found: dict[str, list[Hit]]) -> None:
        """A set that includes others (``@sara_agama``) gets their hits too, at any depth."""
        included_by = self.included_by
        affected = {name for other in found.keys() & included_by.keys() for name in included_by[other]}
        for name in sorted(affected):
            merged = [h for other in self.include_closure[name] for h in found.get(other, ())]
            if merged:
                found[name] = sorted({*found.get(name, ()), *merged})

    @staticmethod
    def _shouted_words(doc: Document, found: dict[str, list[Hit]]) -> None:
        """Built-in set ``_kapital``: runs of two or more words typed in capitals ("SITU SIAPA"),
        so that a lone acronym (PNS, BPJS) is not shouting."""
        original = doc.norm.original
        if original.isascii() and not _ASCII_CAPITALS.search(original):
            return  # no word of three capitals at all (the usual case, checked in C)
        run: list[Hit] = []
        for index, token in enumerate([*doc.tokens, None]):
            shouted = False
            if token is not None and token.kind == "word" and token.end - token.start >= 3:
                start, end = doc.norm.to_original(token.start, token.end)
                shouted = original[start:end].isupper() and original[start:end].isalpha()
            if shouted:
                run.append(_token_hit(token, index))
                continue
            if len(run) >= 2:
                found.setdefault("_kapital", []).extend(run)
            run = []

    def _disambiguate(self, doc: Document) -> None:
        """Take innocent readings out of sets before any rule sees them ("anjing peliharaan"), and
        words that count only in a cue's company out of it when no cue is near."""
        woken = {n for name in doc.sets.keys() & self.senses_by_set.keys() for n in self.senses_by_set[name]}
        if not woken:
            return
        in_post = set().union(*doc.roots)  # most senses' words are not in the post at all
        for number in sorted(woken):  # in pack order, as a sense may clean another's cues
            sense, cue_signal, words = self.senses[number]
            if words.isdisjoint(in_post):
                continue
            readings = {  # the hits this sense may take out, found before its cues are looked for
                name: [h for h in doc.sets[name] if not words.isdisjoint(doc.roots[h.first])]
                for name in sense.sets
                if doc.sets.get(name)
            }
            if not any(readings.values()):
                continue
            cues = cue_signal.hits(doc)
            if not cues and not sense.only_near:
                continue
            reach = SENTENCE_REACH[sense.scope]
            for name, hits in readings.items():
                leave = {h for h in hits if (cues.near(h, sense.window, reach) is None) is sense.only_near}
                if leave:  # out of the set, and out of every set that includes it ("@kasar")
                    for cleaned in (name, *self.included_by.get(name, ())):
                        if doc.sets.get(cleaned):
                            doc.sets[cleaned] = [h for h in doc.sets[cleaned] if h not in leave]

    def _matches(
        self, compiled: CompiledRule, doc: Document, flags: frozenset[str]
    ) -> Iterator[tuple[list[Hit], Severity]]:
        rule = compiled.rule
        if not set(rule.requires) <= flags:
            return
        groups: list[HitList] = []
        for signal in compiled.groups:  # stop at the first empty group: most rules end here
            hits = signal.hits(doc)
            if not hits:
                return
            groups.append(hits)
        if compiled.unless_post and compiled.unless_post.hits(doc):
            return
        exceptions = (
            compiled.unless_near.hits(doc) if compiled.unless_near else None
        )
        for anchor in groups[0]:
            members = [anchor]
            steps = zip(groups[1:], compiled.reaches, compiled.orders, strict=True)
            for group, (window, sentences), after in steps:
                origin = members[-1] if rule.chain else anchor
                taken = members if rule.distinct else None
                partner = group.near(origin, window, sentences, after=after, taken=taken)
                if partner is None:
                    break
                members.append(partner)
            else:
                if rule.negatable and _negated(doc, members if rule.negatable is True else members[:1]):
                    continue
                if exceptions and any(exceptions.near(m, *compiled.unless_reach) for m in members):
                    continue
                yield members, self._severity(compiled, doc, members, flags)

    def _severity(
        self, compiled: CompiledRule, doc: Document, members: list[Hit], flags: frozenset[str]
    ) -> Severity:
        rule = compiled.rule
        override = self._configured_severity(rule)
        if override is not None:
            return override
        severity = rule.severity
        for level, signal, when in compiled.escalate:
            if when and when not in flags:
                continue
            if signal is not None:
                cues = signal.hits(doc)
                if not any(cues.near(m, rule.window, _nearby_sentences(rule), itself=True) for m in members):
                    continue
            severity = max(severity, level)
        return severity

    def _doubted(self, rule: Rule, doc: Document, members: list[Hit], severity: Severity) -> bool:
        """Whether the second opinion finds a warning's surroundings unlike its category's posts."""
        if self.opinion is None or severity < Severity.WARNING:
            return False
        words = self.agency_words
        if words and any(t.key in words for m in members for t in doc.tokens[m.first : m.last + 1]):
            return False  # a configured candidate or code word: knowledge no corpus can give
        first, last = opinion.around(m.sentence for m in members)
        key = (rule.category, first, last)  # findings of one category in one stretch: one score
        if key not in doc.doubted:
            doc.doubted[key] = self.opinion.doubts(rule.category, _opinion_read(doc, first, last))
        return doc.doubted[key]

    def _configured_severity(self, rule: Rule) -> Severity | None:
        """The severity the configuration sets for ``rule``, if any ("off" rules never report)."""
        override = self.config.rules.get(rule.id)
        return Severity.parse(override) if override and override != "off" else None

    def _may_speak(self, category: str, heard: set[str], silenced: set[str]) -> bool:
        """Whether the opinion rule of ``category`` may still speak on this post."""
        rule = self.opinion_rules.get(category)  # none at all without a second opinion
        return rule is not None and category not in heard and not {"*", category, rule.id} & silenced

    def _opinion_findings(
        self, doc: Document, heard: set[str], silenced: set[str], employee: str
    ) -> list[Finding]:
        """Warnings the second opinion raises by itself, in categories none of whose rules has found
        anything (``heard``; a rule switched off or silenced counts too, so the model never stands in
        for it): where the text reads like the category beyond doubt (``SecondOpinion.convinced``),
        at the words that weigh most there (``_weightiest_words``). Rule examples (``every_rule``)
        ask it regardless."""
        wanted = [c for c in self.opinion_rules if self._may_speak(c, heard, silenced)]
        if not wanted or self.opinion is None:
            return []
        reads = sentence_reads(doc)
        strongest = self.opinion.convinced([words for _, words in reads], wanted)
        findings = []
        for category, index in strongest.items():
            rule = self.opinion_rules[category]
            words = self._weightiest_words(doc, self.opinion.categories[category], reads[index][0])
            severity = self._configured_severity(rule) or rule.severity
            findings.append(self._finding(rule, doc, [words], severity, employee))
        return findings

    @staticmethod
    def _weightiest_words(doc: Document, model: opinion.CategoryModel, middle: int) -> Hit:
        """Where an opinion rule underlines: in the stretch around sentence ``middle`` that read
        most like the category, the clause (between commas) whose words weigh most for it, so the
        user sees what to rephrase rather than a whole caption; within a long clause, its few
        weightiest neighbouring words; the whole middle sentence if no clause weighs for it."""
        best: tuple[int, list[int], int] | None = None  # weight, the clause's word weights, first token
        for number in range(max(0, middle - opinion.NEIGHBOURS), middle + opinion.NEIGHBOURS + 1):
            span = doc.tokens_of(number, number)
            weights = [0] * (span.stop - span.start)
            for index, read in opinion.token_reads(doc.tokens[span], doc.roots[span], number, number):
                weights[index] = model.score(read) - model.bias
            for first, stop in _clauses(doc, span):
                clause = weights[first - span.start : stop - span.start]
                weight = sum(clause)
                if weight > 0 and (best is None or weight > best[0]):
                    best = (weight, clause, first)
        if best is None:
            span = doc.tokens_of(middle, middle)
            return _words_hit(doc, span.start, span.stop - 1)
        _, clause, first = best
        run = opinion.weightiest(clause, UNDERLINED_WORDS) if len(clause) > LONG_CLAUSE else None
        low, last = run or (0, len(clause) - 1)
        return _words_hit(doc, first + low, first + last)

    def opinion_features(self, text: str, span: tuple[int, int] | None = None) -> set[str]:
        """What the second opinion reads in ``text``: all of it, or around a finding's ``span``
        (original offsets), as ``lint`` reads it. For training the model (``train_opinion.py``)."""
        doc = self._document(text)
        first, last = 0, len(doc.boundaries)
        if span is not None:  # as ``_doubted`` reads it, from the words of the finding's span
            originals = (doc.norm.to_original(t.start, t.end) for t in doc.tokens)
            inside = [t.sentence for t, (a, b) in zip(doc.tokens, originals, strict=True)
                      if a < span[1] and b > span[0]]  # fmt: skip
            first, last = opinion.around(inside) if inside else (first, last)
        return _opinion_read(doc, first, last)

    def _finding(
        self,
        rule: Rule,
        doc: Document,
        members: list[Hit],
        severity: Severity,
        employee: str,
        lowered_from: str = "",
    ) -> Finding:
        start, end = doc.norm.to_original(
            min(m.start for m in members), max(m.end for m in members)
        )
        return Finding(
            rule=rule.id,
            category=rule.category,
            severity=str(severity),
            start=start,
            end=end,
            text=doc.norm.original[start:end],
            message=rule.message,
            suggestion=rule.suggestion,
            reference=reference_for(rule.reference, employee),
            message_en=rule.message_en,
            suggestion_en=rule.suggestion_en,
            lowered_from=lowered_from,
        )

    def _agency_findings(self, doc: Document, silenced: set[str]) -> Iterator[Finding]:
        for pattern, compiled in self.agency:
            if "*" in silenced or pattern.id in silenced or pattern.category in silenced:
                continue
            for match in regexp.finditer_limited(compiled, doc.norm.text, self.backend):
                if match.end() == match.start():
                    continue
                start, end = doc.norm.to_original(*match.span())
                yield Finding(
                    rule=pattern.id,
                    category=pattern.category,
                    severity=str(pattern.severity),
                    start=start,
                    end=end,
                    text=doc.norm.original[start:end],
                    message=pattern.message,
                    suggestion=pattern.suggestion,
                    reference=pattern.reference,
                    message_en=pattern.message,
                    suggestion_en=pattern.suggestion,
                )


def _reaches(rule: Rule) -> tuple[tuple[int, int | None], ...]:
    """How far each group after the first may be from the first group's hit (in a ``chain``, from
    the previous group's), in tokens and in sentences: the rule's scope and window, or the group's
    own window. A post-wide rule's single window only says how far its exceptions look (its groups
    are anywhere), but a token count given to one group holds, across sentences."""
    scope = SENTENCE_REACH[rule.scope]
    windows = rule.windows or (rule.window,) * (len(rule.signals) - 1)
    reaches: list[tuple[int, int | None]] = []
    for window in windows:
        if window in ANYWHERE_WINDOWS:
            reaches.append((ANYWHERE, SENTENCE_REACH[str(window)]))
        elif scope is None and not rule.windows:
            reaches.append((ANYWHERE, None))
        else:
            reaches.append((int(window), scope))
    return tuple(reaches)


def _orders(rule: Rule) -> tuple[bool, ...]:
    """Per group after the first, whether its hit must follow (``ordered`` as one flag or a list)."""
    if isinstance(rule.ordered, tuple):
        return rule.ordered
    return (rule.ordered,) * (len(rule.signals) - 1)


def _exception_reach(rule: Rule) -> tuple[int, int]:
    """How far ``unless_near`` looks from each member, in tokens and sentences: its own
    ``unless_window`` within the member's sentence, or as far as the rule's window and scope."""
    if rule.unless_window is not None:
        return rule.unless_window, 0
    return rule.window, _nearby_sentences(rule)


def _nearby_sentences(rule: Rule) -> int:
    """Where ``unless_near`` and escalation cues count: the hit's sentence, or its neighbours too
    for an ``adjacent`` rule."""
    return 1 if rule.scope == "adjacent" else 0


# PP 94/2021 binds PNS; for other staff the same duty rests on other texts (CATALOGUE scope notes).
EMPLOYEE_BASIS = {
    "pppk": "bagi PPPK: UU 20/2023 tentang ASN dan perjanjian kerja PPPK",
    "non-asn": "bagi pegawai non-ASN: SE MenPANRB 01/2023 dan aturan instansi",
}


def _opinion_read(doc: Document, first: int, last: int) -> set[str]:
    """What the second opinion reads in sentences ``first``..``last``: one reader for linting and
    for training, so the model is trained on exactly what it is later shown. The model pairs words
    only within a sentence, so a stretch reads the union of its sentences, each read once."""
    last = min(last, len(doc.boundaries))
    if first == last:
        return _sentence_read(doc, first)
    return set().union(*(_sentence_read(doc, n) for n in range(max(first, 0), last + 1)))


def _sentence_read(doc: Document, number: int) -> set[str]:
    read = doc.read.get(number)
    if read is None:
        span = doc.tokens_of(number, number)
        read = doc.read[number] = opinion.features(doc.tokens[span], doc.roots[span], number, number)
    return read


def sentence_reads(doc: Document) -> list[tuple[int, set[str]]]:
    """Each sentence that has tokens, and what the second opinion reads in it alone, in order."""
    numbers = dict.fromkeys(t.sentence for t in doc.tokens)  # tokens come in sentence order
    return [(number, _sentence_read(doc, number)) for number in numbers]


def _agency_words(config: Config) -> frozenset[str]:
    """The words of the configured candidates, parties, campaign hashtags and code words, and each
    term run together as a hashtag ("#operasielangbiru")."""
    lists = (config.candidates, config.parties, config.hashtags, config.confidential_terms)
    terms = [normalize(term).text.split() for terms in lists for term in terms]
    words = [word for parts in terms for word in parts]
    words += ["#" + "".join(parts).lstrip("#") for parts in terms]
    return frozenset(squeeze(word) for word in words if len(word) >= 3)


def candidate_names(candidates: Iterable[str], titles: Iterable[str]) -> list[str]:
    """Each configured candidate, and each part of a longer name after a title ("Bu Wulan" for
    "Wulan Sari Dewi"): posts rarely spell out a full name, and a bare first name is anyone's."""
    names = list(candidates)
    for name in candidates:
        parts = [part for part in re.split(r"[\s.,]+", name) if len(part) >= 3]
        if len(parts) > 1:
            names += [f"{title} {part}" for part in parts for title in titles]
    return names


def reference_for(reference: str, employee: str) -> str:
    """The rule's reference, noting the basis that applies when PP 94/2021 does not (non-PNS)."""
    basis = EMPLOYEE_BASIS.get(employee)
    if basis and "PP 94/2021" in reference:
        return f"{reference} ({basis})"
    return reference


BUILTIN_SETS = {"mention": "_mention", "hashtag": "_hashtag", "number": "_number"}  # by token kind


def _token_hit(token: Token, index: int) -> Hit:
    return Hit(index, index, token.start, token.end, token.sentence)


class CompiledPattern:
    """A compiled regex plus what its matches must contain and start with (see ``prefilter``)."""

    __slots__ = (
        "_regex", "backend", "checks", "group", "leading", "literals", "locatable", "mandatory",
        "pattern", "short_lead",
    )  # fmt: skip

    def __init__(self, pattern: str, backend: str, start_up: prepared.Prepared | None = None) -> None:
        self.pattern, self.backend = pattern, backend
        self._regex: Any = None  # compiled on first use: a post needs few patterns, start-up all
        try:
            self.literals, self.leading, self.mandatory = (
                start_up.analysis(pattern) if start_up else analyse(pattern)
            )
        except re.error as error:  # the same parser as ``re``'s: built-in patterns must suit both
            raise RulePackError(f"pattern {pattern!r} is not a valid regular expression: {error}") from None
        self.short_lead = any(len(lit) <= LiteralFinder.SHORT for lit in self.leading or ())
        self.group = "hit" if "(?P<hit>" in pattern else 0
        self.checks = tuple(s for s in self.mandatory if s != self.literals)  # the index checked that
        # a match lies near each of its mandatory literals, so the sentences around one of them are
        # enough, unless the pattern asks for the end of the text
        self.locatable = () if _ENDS_TEXT.search(pattern) else tuple(
            s for s in self.mandatory if all(len(lit) > LiteralFinder.SHORT for lit in s)
        )

    @property
    def compiled(self) -> bool:
        return self._regex is not None

    @property
    def regex(self) -> Any:
        if self._regex is None:
            self._regex = regexp.compile_pattern(self.pattern, self.backend)
        return self._regex

    def possible(self, present: set[str]) -> bool:
        """Whether every mandatory literal set has a literal in the text (else no match exists)."""
        return all(not present.isdisjoint(s) for s in self.checks)

    def spans(self, doc: Document, occurrences: Occurrences) -> list[tuple[int, int]]:
        """Match spans; a group named ``hit`` narrows what is underlined (", (?P<hit>bakar) aja").

        ``occurrences`` says where each literal occurs. A pattern whose matches start with a literal
        is tried only there when those places are few; one that must contain a literal is run over
        the sentences where it occurs; otherwise over the whole text.
        """
        matches = self._matches(doc, occurrences)
        spans = (m.span(self.group) for m in matches)
        return [(a, b) for a, b in spans if b > a]

    def _matches(self, doc: Document, occurrences: Occurrences) -> Iterator[Any]:
        text = doc.norm.text
        starts = self._starts(occurrences)
        long_text = len(text) >= MIN_REGION_TEXT
        if self.locatable and long_text and (starts is None or len(starts) > MAX_ANCHORS):
            present, of = occurrences.present, occurrences.of
            places = min(([p for lit in present & s for p in of(lit)] for s in self.locatable), key=len)
            near = doc.regions(places)
            if starts is None:
                return self._in_regions(text, near)
            starts = _within(starts, near)
        if starts is not None and len(starts) <= MAX_SCAN_ANCHORS:
            return self._anchored(text, starts)
        return self.regex.finditer(text)

    def _in_regions(self, text: str, regions: list[tuple[int, int, int]]) -> Iterator[Any]:
        for low, high, last in regions:
            for match in self.regex.finditer(text, low, high):
                if match.start() >= last:
                    break
                yield match

    def _starts(self, occurrences: Occurrences) -> list[int] | None:
        """Where a match may start: where a leading literal occurs, if they are long enough to be
        located ("di", "ga" occur everywhere: one scan is cheaper)."""
        if self.leading is None or self.short_lead:
            return None
        present, of = occurrences.present, occurrences.of
        return sorted({p for literal in present & self.leading for p in of(literal)})

    def _anchored(self, text: str, starts: list[int]) -> Iterator[Any]:
        """The matches ``finditer`` would give, trying only where a leading literal occurs."""
        resume, match_at = 0, self.regex.match
        for position in starts:
            if position < resume:
                continue
            match = match_at(text, position)
            if match is not None and match.end() > match.start():
                resume = match.end()
                yield match


def _phrase_hits(doc: Document, index: int, last: int, node: PhraseNode, found: dict[str, list[Hit]]) -> None:
    """The phrases starting at token ``index`` whose words up to token ``last`` led to ``node``:
    those ending there, then, word by word, the longer ones the following tokens continue."""
    if node.sets:  # only ever at the second word or later: a phrase has two words at least
        hit = Hit(index, last, doc.tokens[index].start, doc.tokens[last].end, doc.tokens[index].sentence)
        for name in node.sets:
            found[name].append(hit)
    if node.next and last + 1 < len(doc.tokens):
        for root in doc.roots[last + 1]:
            child = node.next.get(root)
            if child is not None:
                _phrase_hits(doc, index, last + 1, child, found)


def _clauses(doc: Document, span: slice) -> Iterator[tuple[int, int]]:
    """The clauses of the tokens in ``span`` (one sentence): runs of tokens between commas,
    semicolons and colons, as ``(first, stop)`` token indices."""
    text, starts, ends = doc.norm.text, doc.token_starts, doc.token_ends
    first = span.start
    for index in range(span.start + 1, span.stop):
        if CLAUSE_BREAK.search(text, ends[index - 1], starts[index]):
            yield first, index
            first = index
    if first < span.stop:
        yield first, span.stop


def _words_hit(doc: Document, first: int, last: int) -> Hit:
    """Tokens ``first``..``last`` (of one sentence) as one hit."""
    return Hit(first, last, doc.token_starts[first], doc.token_ends[last], doc.tokens[first].sentence)


def _within(starts: list[int], regions: list[tuple[int, int, int]]) -> list[int]:
    """The sorted ``starts`` that fall where a region lets matches start (both lists ascending)."""
    kept: list[int] = []
    index = 0
    for start in starts:
        while index < len(regions) and regions[index][2] <= start:
            index += 1
        if index == len(regions):
            break
        if regions[index][0] <= start:
            kept.append(start)
    return kept


def _negated(doc: Document, members: list[Hit]) -> bool:
    """"jangan sebar hoaks"; a quoted word in a sentence that condemns it; reported speech
    ("dia dipanggil 'goblok'") where the poster is telling what someone else said."""
    first = min(members, key=lambda h: h.first)
    negator = doc.negators.before(first.first, NEGATION_WINDOW, first.sentence)
    if negator is not None and not CLAUSE_BREAK.search(doc.norm.text, negator.end, first.start):
        return True  # "jangan sebar hoaks"; but not "ga usah dinyanyiin, bakar aja benderanya"
    quoted = [m for m in members if doc.quoted(m)]
    if quoted:
        return (
            doc.negators.in_sentence(first.sentence)
            or doc.condemnation.in_sentence(first.sentence)
            or any(doc.reporting.before(m.first, NEGATION_WINDOW, m.sentence) is not None for m in quoted)
        )
    return False


def _silenced_rules(text: str) -> set[str]:
    """``bijak-abaikan`` silences every rule; ``bijak-abaikan: rule-id, kategori`` just those."""
    silenced: set[str] = set()
    for match in SILENCE.finditer(text):
        names = [n for n in re.split(r"[ :=,]+", match.group(1)) if n]
        silenced.update(names or ["*"])
    return silenced


def _tidy(findings: list[Finding], minimum: Severity, allow: set[str], every_rule: bool) -> list[Finding]:
    """Sort, drop what the user allowed or what is below the minimum, then merge overlaps: a rule's
    own, or with ``every_rule`` off, those of each category (see ``Linter.lint``)."""
    wanted = [
        f for f in findings
        if f.level >= minimum and not (allow and squeeze(normalize(f.text).text) in allow)
    ]
    by_position = sorted(wanted, key=lambda f: (f.start, -f.level, f.rule))
    return _merge_rule_overlaps(by_position) if every_rule else _merge_category_overlaps(by_position)


def _merge_rule_overlaps(findings: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    last_end: dict[str, int] = {}
    for finding in findings:
        if last_end.get(finding.rule, -1) > finding.start:
            continue
        last_end[finding.rule] = finding.end
        kept.append(finding)
    return kept


def _merge_category_overlaps(findings: list[Finding]) -> list[Finding]:
    """Per category, keep findings best first (most severe, narrowest, earliest), each only where it
    overlaps none kept before; kept spans are disjoint, so two bisections check a new one."""
    kept: dict[str, tuple[list[int], list[int]]] = {}  # category -> starts, ends of kept spans
    chosen: set[int] = set()
    ranked = sorted(
        range(len(findings)), key=lambda i: (-findings[i].level, findings[i].end - findings[i].start, i)
    )
    for index in ranked:
        finding = findings[index]
        starts, ends = kept.setdefault(finding.category, ([], []))
        slot = bisect.bisect_left(starts, finding.start)
        if (slot < len(starts) and starts[slot] < finding.end) or (slot and ends[slot - 1] > finding.start):
            continue
        starts.insert(slot, finding.start)
        ends.insert(slot, finding.end)
        chosen.add(index)
    return [f for i, f in enumerate(findings) if i in chosen]
