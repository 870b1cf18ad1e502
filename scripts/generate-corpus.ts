// Writes a deterministic, synthetic archive in the content contract's format, for benchmarks and scale tests.
import { existsSync, mkdirSync, readdirSync, realpathSync, rmSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import transliterate from "@sindresorhus/transliterate";

export interface CorpusOptions {
  count: number;
  outDir: string;
  seed?: number;
}

export interface CorpusStats {
  articles: number;
  entities: number;
  authors: number;
  drafts: number;
  entityFiles: number;
  authorFiles: number;
}

/** Written at the corpus root; its presence is what allows a later run to replace the corpus. */
const MARKER_FILE = ".generated-corpus";
const FIRST_DAY = Date.UTC(2000, 0, 1);
const DAY_COUNT = Math.round((Date.UTC(2024, 11, 31) - FIRST_DAY) / 86_400_000) + 1;

// ---------------------------------------------------------------- randomness

/** mulberry32: tiny, fast, good enough for test data, and the same on every machine. */
class Random {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new Error("pick from an empty list");
    return item;
  }

  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i] as T;
      items[i] = items[j] as T;
      items[j] = tmp;
    }
    return items;
  }
}

/** Draws ranks 0..n-1 with probability proportional to 1 / (rank + 1)^exponent. */
class Zipf {
  private readonly cdf: Float64Array;
  private readonly total: number;

  constructor(n: number, exponent: number) {
    this.cdf = new Float64Array(n);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      sum += 1 / Math.pow(i + 1, exponent);
      this.cdf[i] = sum;
    }
    this.total = sum;
  }

  sample(rng: Random): number {
    const x = rng.next() * this.total;
    let lo = 0;
    let hi = this.cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cdf[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

// ---------------------------------------------------------------- word lists

const NOUNS = [
  "council", "budget", "report", "election", "court", "ruling", "minister", "plan", "deal", "market",
  "company", "school", "hospital", "bridge", "railway", "harbour", "festival", "museum", "study", "survey",
  "policy", "law", "tax", "strike", "union", "protest", "investigation", "agency", "committee", "vote",
  "price", "wage", "housing", "energy", "climate", "drought", "flood", "storm", "harvest", "factory",
  "mayor", "senator", "judge", "police", "army", "treaty", "border", "summit", "campaign", "candidate",
  "debate", "scandal", "inquiry", "audit", "contract", "loan", "bank", "currency", "inflation", "deficit",
  "airport", "network", "satellite", "vaccine", "virus", "clinic", "doctor", "teacher", "student", "university",
  "library", "archive", "newspaper", "broadcast", "film", "novel", "exhibition", "concert", "stadium", "league",
  "season", "coach", "player", "record", "district", "village", "city", "province", "region", "coast",
  "river", "forest", "mine", "pipeline", "reactor", "grid", "port", "ferry", "highway", "tunnel",
  "reform", "proposal", "decision", "statement", "warning", "decline", "recovery", "growth", "crisis", "dispute",
  "settlement", "lawsuit", "verdict", "appeal", "sentence", "prison", "refugee", "migrant", "community", "residents",
  "workers", "farmers", "voters", "officials", "investors", "shareholders", "critics", "experts", "volunteers", "families",
];

const ADJECTIVES = [
  "new", "local", "national", "regional", "public", "private", "federal", "former", "major", "small",
  "large", "early", "late", "final", "annual", "recent", "long", "short", "rising", "falling",
  "controversial", "ambitious", "modest", "sweeping", "temporary", "permanent", "rural", "urban", "coastal", "northern",
  "southern", "eastern", "western", "central", "independent", "joint", "rival", "senior", "junior", "historic",
  "unexpected", "delayed", "revised", "secret", "official", "emergency", "digital", "economic", "political", "legal",
  "social", "environmental", "cultural", "military", "medical", "scientific", "financial", "industrial", "agricultural", "international",
];

const VERBS_PAST = [
  "approved", "rejected", "announced", "delayed", "expanded", "cut", "raised", "questioned", "criticised", "defended",
  "signed", "blocked", "reviewed", "examined", "reported", "confirmed", "denied", "launched", "ended", "suspended",
  "opened", "closed", "funded", "challenged", "welcomed", "postponed", "revealed", "published", "proposed", "backed",
  "won", "lost", "built", "sold", "bought", "inspected", "audited", "restored", "replaced", "extended",
];

const VERBS_PRESENT = [
  "approves", "rejects", "announces", "delays", "expands", "cuts", "raises", "questions", "defends", "signs",
  "blocks", "reviews", "confirms", "denies", "launches", "ends", "suspends", "opens", "closes", "funds",
  "challenges", "welcomes", "postpones", "reveals", "backs", "wins", "loses", "weighs", "probes", "unveils",
];

const PREPOSITIONS = [
  "in", "on", "at", "over", "after", "before", "during", "against", "across", "under", "near", "despite", "amid", "beyond",
];
const DETERMINERS = ["the", "the", "the", "a", "this", "that", "another", "every", "its", "their"];
const CONJUNCTIONS = ["and", "but", "while", "as", "after", "although", "because", "so", "when", "until"];
const SMALL_WORDS = new Set(["a", "an", "the", "of", "in", "on", "at", "and", "or", "for", "to", "as", "by", "its"]);

const TAGS = [
  "politics", "economy", "elections", "climate", "energy", "health", "science", "technology", "education", "transport",
  "housing", "crime", "courts", "defence", "diplomacy", "trade", "labour", "culture", "arts", "music",
  "film", "books", "sport", "football", "weather", "agriculture", "finance", "markets", "media", "religion",
  "migration", "environment", "space", "telecoms", "cities", "tourism", "food", "history", "obituaries", "investigations",
];

const GIVEN = [
  "Anna", "Bruno", "Carla", "Daniel", "Elena", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luis",
  "Marta", "Nadia", "Oskar", "Paula", "Rafael", "Sofia", "Tomas", "Ursula", "Viktor", "Wanda", "Yusuf", "Zara",
  "Amara", "Beatrix", "Cyrus", "Delia", "Emil", "Flora", "Gideon", "Hana", "Isaac", "Julia", "Kofi", "Leah",
  "Malik", "Nora", "Olive", "Priya", "Quentin", "Rosa", "Samir", "Tessa", "Umar", "Vera", "Walter", "Ximena",
];
const GIVEN_ACCENTED = [
  "José", "Zoë", "Renée", "Inés", "Jürgen", "Begoña", "François", "Søren", "Łukasz", "Agnès", "Björn", "Çağla",
  "Chloé", "Dálaigh", "Émile", "Ñuflo", "Göran", "Hélène", "Joaquín", "Mónica",
];
const SURNAMES = [
  "Abbott", "Baker", "Carver", "Dalton", "Ellis", "Fischer", "Garcia", "Hayes", "Ito", "Jensen", "Khan", "Lindqvist",
  "Mensah", "Novak", "Okafor", "Parker", "Quinn", "Reyes", "Santos", "Tanaka", "Ueda", "Varga", "Walsh", "Xu",
  "Young", "Zimmer", "Adeyemi", "Brennan", "Castillo", "Doyle", "Esposito", "Fontaine", "Gallagher", "Haddad",
];
const SURNAMES_ACCENTED = [
  "Müller", "Núñez", "Peña", "Ibáñez", "Gómez", "Schröder", "Lefèvre", "Dvořák", "Håkansson", "Özdemir",
  "Brontë", "Muñoz", "Günther", "Côté", "Bérénger", "Sánchez", "Łęcki", "Ångström",
];
const SYLLABLE_START = [
  "Al", "Bar", "Cor", "Dal", "Ev", "Fen", "Gar", "Hal", "Ist", "Jan", "Kel", "Lom", "Mar", "Nor", "Ost",
  "Pel", "Quin", "Ros", "Sal", "Tor", "Ul", "Var", "Wes", "Yar", "Zel", "Brin", "Cal", "Dun", "Ash", "Mel",
];
const SYLLABLE_MID = ["a", "e", "i", "o", "an", "en", "er", "is", "or", "ul", "ar", "in"];
const SURNAME_END = ["son", "berg", "ton", "ley", "mann", "ez", "ini", "ova", "ski", "sen", "well", "ford", "ard", "ino", "escu", "ström", "ñez", "é"];
const PLACE_END = ["burg", "ville", "ton", "ford", "stad", "grad", "polis", "mouth", "haven", "dale", "port", "field", "wick", "holm", "ia", "ora"];
const PLACE_PREFIX = ["San ", "Port ", "Lake ", "New ", "Mount ", "North ", "South ", "Saint-", "Fort ", "East "];
const PLACE_PREFIX_ACCENTED = ["São ", "Ciudad ", "Nueva ", "Île-", "Bad ", "Nové ", "Peñón de "];

const CYR_MEN = ["Иван", "Сергей", "Дмитрий", "Алексей", "Юрий", "Андрей"];
const CYR_WOMEN = ["Ольга", "Наталья", "Анна", "Мария", "Елена", "Татьяна"];
/** Masculine surnames; the feminine form adds "а". */
const CYR_SURNAME = ["Петров", "Иванов", "Смирнов", "Кузнецов", "Попов", "Соколов", "Лебедев", "Новиков", "Морозов", "Волков", "Орлов", "Зайцев"];
const CYR_PLACE_START = ["Ново", "Бело", "Красно", "Старо", "Верхне", "Черно", "Северо", "Зелено"];
const CYR_PLACE_END = ["горск", "мирск", "град", "поль", "озёрск", "дольск", "реченск", "ярск"];
const CYR_ORG = ["Завод", "Банк", "Союз", "Театр", "Институт"];

const CJK_FAMILY = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴"];
const CJK_GIVEN = ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳"];
const JA_FAMILY = ["佐藤", "鈴木", "高橋", "田中", "渡辺", "伊藤"];
const JA_GIVEN = ["健", "翔太", "結衣", "陽菜", "大輝", "美咲"];
const KO_FAMILY = ["김", "이", "박", "최"];
const KO_GIVEN = ["민준", "서연", "지호", "하은", "도윤", "수아"];
const CJK_PLACE_START = ["東", "西", "南", "北", "新", "大", "清", "長"];
const CJK_PLACE_END = ["京", "山", "川", "島", "州", "港", "江", "原"];
const CJK_ORG = ["銀行", "集团", "電機", "大学", "新聞社", "製作所"];

const BRANDS = [
  "Northwind", "Bluewater", "Ironbridge", "Silverline", "Redstone", "Greenfield", "Highgate", "Clearwater",
  "Stonebridge", "Brightpath", "Oakridge", "Harbourview", "Kestrel", "Meridian", "Summit", "Lumen",
];
const ORG_SUFFIX = [
  "Holdings", "Group", "Bank", "Institute", "Foundation", "Partners", "Media", "Energy", "Systems", "Airlines",
  "Motors", "Labs", "Capital", "Union", "Council", "Party", "University", "Trust", "Press", "Orchestra",
];
const ORG_ACCENTED = ["Société", "Fundación", "Bündnis", "Coöperatie", "Associação", "Compañía"];
const EVENT_NOUN = ["Summit", "Accord", "Floods", "Marathon", "Election", "Festival", "Strike", "Earthquake", "Games", "Conference"];
const WORK_FORM = ["Letters to", "Songs for", "A History of", "Notes on", "The Road to", "Café"];

type EntityType = "person" | "organization" | "place" | "event" | "work" | "topic";
const ENTITY_TYPES: readonly [EntityType, number][] = [
  ["person", 0.4], ["organization", 0.25], ["place", 0.15], ["event", 0.08], ["work", 0.06], ["topic", 0.06],
];

// ---------------------------------------------------------------- text helpers

function capitalize(text: string): string {
  const code = text.charCodeAt(0);
  if (code >= 97 && code <= 122) return String.fromCharCode(code - 32) + text.slice(1);
  const match = /\p{L}/u.exec(text);
  if (!match) return text;
  const at = match.index;
  return text.slice(0, at) + text.charAt(at).toUpperCase() + text.slice(at + 1);
}

function titleCase(words: readonly string[]): string {
  return words.map((word, i) => (i > 0 && SMALL_WORDS.has(word) ? word : capitalize(word))).join(" ");
}

/** Lower-case, hyphenated; accents stripped from Latin letters, other scripts kept as written. */
function fileSlug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/(\p{Script=Latin})\p{M}+/gu, "$1")
    .normalize("NFC")
    .toLowerCase()
    .replace(/['\u2019]/g, "")
    .replace(/[^\p{L}\p{N}]+/gu, "-")
    .replace(/^-+|-+$/g, "");
}

/** Keys under which two names would be "the same" to a reader or a slug function. */
function foldKeys(name: string): string[] {
  const fold = (text: string): string =>
    text
      .normalize("NFKD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/['\u2019]/g, "")
      .replace(/[^\p{L}\p{N}]+/gu, "-")
      .replace(/^-+|-+$/g, "");
  const plain = fold(name);
  const latin = fold(transliterate(name.normalize("NFKC")));
  return plain === latin ? [plain] : [plain, latin];
}

function truncateSlug(slug: string, max: number): string {
  const chars = Array.from(slug);
  if (chars.length <= max) return slug;
  return chars.slice(0, max).join("").replace(/-[^-]*$/, "").replace(/-+$/, "");
}

function roman(n: number): string {
  const table: readonly [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let out = "";
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function thousands(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

const yamlString = (text: string): string => JSON.stringify(text);
const yamlFlowList = (items: readonly string[]): string => `[${items.map(yamlString).join(", ")}]`;

// ---------------------------------------------------------------- names

/** Hands out names that no other entity or author already holds under any fold key. */
class NameRegistry {
  private readonly owners = new Map<string, number>();

  claim(name: string, owner: number): boolean {
    const keys = foldKeys(name);
    if (keys.some((key) => key === "" || (this.owners.get(key) ?? owner) !== owner)) return false;
    for (const key of keys) this.owners.set(key, owner);
    return true;
  }

  unique(owner: number, generate: () => string): string {
    for (let attempt = 0; attempt < 200; attempt++) {
      const name = generate();
      if (this.claim(name, owner)) return name;
    }
    const base = generate();
    for (let n = 2; ; n++) {
      const name = `${base} ${roman(n)}`;
      if (this.claim(name, owner)) return name;
    }
  }
}

/** Generated lower-case pseudo-words: the long tail of the vocabulary. */
function pseudoWords(rng: Random, count: number): string[] {
  const onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "z", "br", "cl", "dr", "fl", "gr", "pl", "pr", "sh", "st", "tr", "th"];
  const vowels = ["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
  const codas = ["", "", "", "", "n", "r", "l", "s", "t", "m", "nd", "nt", "rk", "st"];
  const words = new Set<string>(NOUNS);
  const out: string[] = [];
  while (out.length < count) {
    const syllables = rng.chance(0.8) ? 2 : 3;
    let word = "";
    for (let i = 0; i < syllables; i++) word += rng.pick(onsets) + rng.pick(vowels) + rng.pick(codas);
    if (!words.has(word)) {
      words.add(word);
      out.push(word);
    }
  }
  return out;
}

function syllableName(rng: Random, endings: readonly string[]): string {
  const middle = rng.chance(0.5) ? rng.pick(SYLLABLE_MID) : "";
  return rng.pick(SYLLABLE_START) + middle + rng.pick(endings);
}

function personName(rng: Random): string {
  const roll = rng.next();
  if (roll < 0.03) {
    return rng.chance(0.5)
      ? `${rng.pick(CYR_MEN)} ${rng.pick(CYR_SURNAME)}`
      : `${rng.pick(CYR_WOMEN)} ${rng.pick(CYR_SURNAME)}а`;
  }
  if (roll < 0.035) return `${rng.pick(JA_FAMILY)} ${rng.pick(JA_GIVEN)}`;
  if (roll < 0.04) return rng.pick(KO_FAMILY) + rng.pick(KO_GIVEN);
  if (roll < 0.05) return rng.pick(CJK_FAMILY) + rng.pick(CJK_GIVEN) + (rng.chance(0.5) ? rng.pick(CJK_GIVEN) : "");
  const accented = roll < 0.25;
  const given = accented && rng.chance(0.5) ? rng.pick(GIVEN_ACCENTED) : rng.pick(GIVEN);
  const surname = accented && rng.chance(0.6)
    ? rng.pick(SURNAMES_ACCENTED)
    : rng.chance(0.3) ? rng.pick(SURNAMES) : syllableName(rng, SURNAME_END);
  const middle = rng.chance(0.1) ? ` ${rng.pick(SYLLABLE_START).charAt(0)}.` : "";
  return `${given}${middle} ${surname}`;
}

function placeName(rng: Random): string {
  const roll = rng.next();
  if (roll < 0.04) return rng.pick(CYR_PLACE_START) + rng.pick(CYR_PLACE_END);
  if (roll < 0.07) return rng.pick(CJK_PLACE_START) + rng.pick(CJK_PLACE_END);
  const base = syllableName(rng, PLACE_END);
  if (roll < 0.15) return rng.pick(PLACE_PREFIX_ACCENTED) + base;
  if (roll < 0.35) return rng.pick(PLACE_PREFIX) + base;
  return base;
}

class NameMaker {
  constructor(
    private readonly rng: Random,
    private readonly lexicon: Lexicon,
  ) {}

  entity(type: EntityType): string {
    switch (type) {
      case "person": return personName(this.rng);
      case "organization": return this.organization();
      case "place": return placeName(this.rng);
      case "event": return this.event();
      case "work": return this.work();
      case "topic": return this.topic();
    }
  }

  private organization(): string {
    const rng = this.rng;
    const roll = rng.next();
    if (roll < 0.04) return rng.pick(CJK_PLACE_START) + rng.pick(CJK_PLACE_END) + rng.pick(CJK_ORG);
    if (roll < 0.07) return `${rng.pick(CYR_ORG)} «${rng.pick(CYR_PLACE_START)}${rng.pick(CYR_PLACE_END)}»`;
    if (roll < 0.15) return `${rng.pick(ORG_ACCENTED)} ${capitalize(this.lexicon.noun(rng))}`;
    if (roll < 0.3) return `${rng.pick(SURNAMES)} & ${syllableName(rng, SURNAME_END)}`;
    if (roll < 0.45) return `${placeName(rng)} ${rng.pick(ORG_SUFFIX)}`;
    if (roll < 0.55) return `Ministry of ${capitalize(this.lexicon.noun(rng))}`;
    const brand = rng.chance(0.3) ? rng.pick(BRANDS) : capitalize(this.lexicon.rareNoun(rng));
    return `${brand} ${rng.pick(ORG_SUFFIX)}`;
  }

  private event(): string {
    const rng = this.rng;
    const roll = rng.next();
    if (roll < 0.5) return `${rng.int(1990, 2024)} ${placeName(rng)} ${rng.pick(EVENT_NOUN)}`;
    if (roll < 0.7) return `Battle of ${placeName(rng)}`;
    return `${placeName(rng)} ${capitalize(this.lexicon.noun(rng))} Crisis`;
  }

  private work(): string {
    const rng = this.rng;
    if (rng.chance(0.5)) return titleCase(["the", rng.pick(ADJECTIVES), this.lexicon.noun(rng)]);
    return `${rng.pick(WORK_FORM)} ${capitalize(this.lexicon.rareNoun(rng))}`;
  }

  private topic(): string {
    const rng = this.rng;
    const noun = this.lexicon.noun(rng);
    if (rng.chance(0.5)) return `${capitalize(rng.pick(ADJECTIVES))} ${noun}`;
    return `${capitalize(noun)} ${rng.pick(["policy", "reform", "safety", "funding", "rights"])}`;
  }
}

// ---------------------------------------------------------------- model

interface Entity {
  name: string;
  type: EntityType;
  aliases: string[];
  hasFile: boolean;
}

interface Author {
  name: string;
  hasFile: boolean;
}

/** Nouns: the common list most of the time, otherwise a long Zipf tail of pseudo-words. */
class Lexicon {
  private readonly rare: string[];
  private readonly rareRanks: Zipf;

  constructor(rng: Random) {
    this.rare = pseudoWords(rng, 12_000);
    this.rareRanks = new Zipf(this.rare.length, 1.0);
  }

  noun(rng: Random): string {
    return rng.chance(0.65) ? rng.pick(NOUNS) : this.rare[this.rareRanks.sample(rng)]!;
  }

  rareNoun(rng: Random): string {
    return rng.pick(this.rare);
  }
}

function pickType(rng: Random): EntityType {
  let roll = rng.next();
  for (const [type, share] of ENTITY_TYPES) {
    roll -= share;
    if (roll < 0) return type;
  }
  return "topic";
}

function aliasCandidates(entity: Entity, rng: Random): string[] {
  const words = entity.name.split(" ");
  const first = words[0] ?? "";
  const latin = /^\p{Script=Latin}/u.test(entity.name);
  switch (entity.type) {
    case "person": {
      if (!latin) return [transliterate(entity.name)];
      const out = [`${first.charAt(0)}. ${words.slice(1).join(" ")}`];
      if (rng.chance(0.3)) out.push(words[words.length - 1] ?? "");
      return out;
    }
    case "organization": {
      if (entity.name.startsWith("Ministry of ")) return [`${entity.name.slice(12)} Ministry`];
      const initials = words.filter((w) => /^\p{Lu}/u.test(w)).map((w) => w.charAt(0)).join("");
      return initials.length >= 2 && rng.chance(0.5) ? [initials] : [`${entity.name} Ltd`];
    }
    case "place": return [`City of ${entity.name}`];
    case "event": return /^\d{4} /.test(entity.name) ? [entity.name.slice(5)] : [`the ${entity.name}`];
    default: return [];
  }
}

function makeEntities(count: number, rng: Random, names: NameRegistry, maker: NameMaker): Entity[] {
  const entities: Entity[] = [];
  for (let i = 0; i < count; i++) {
    const type = pickType(rng);
    const name = names.unique(i, () => maker.entity(type));
    entities.push({ name, type, aliases: [], hasFile: i < 5 || rng.chance(0.2) });
  }
  for (const [i, entity] of entities.entries()) {
    if (!entity.hasFile || !rng.chance(0.4)) continue;
    for (const alias of aliasCandidates(entity, rng)) {
      if (alias && alias !== entity.name && names.claim(alias, i)) entity.aliases.push(alias);
    }
  }
  return entities;
}

function makeAuthors(count: number, rng: Random, names: NameRegistry): Author[] {
  const authors: Author[] = [];
  for (let i = 0; i < count; i++) {
    const name = names.unique(1_000_000 + i, () => personName(rng));
    authors.push({ name, hasFile: rng.chance(0.85) });
  }
  return authors;
}

// ---------------------------------------------------------------- prose

interface Prose {
  rng: Random;
  lexicon: Lexicon;
  mentions: readonly string[];
  year: number;
  words: number;
}

const SIMPLE_TOKEN = /^[\p{L}\p{N}'-]+$/u;

function nounPhrase(p: Prose, out: string[]): void {
  const det = p.rng.pick(DETERMINERS);
  const adjective = p.rng.chance(0.45) ? p.rng.pick(ADJECTIVES) : "";
  const next = adjective || p.lexicon.noun(p.rng);
  out.push(det === "a" && "aeiou".includes(next.charAt(0)) ? "an" : det);
  if (adjective) out.push(adjective, p.lexicon.noun(p.rng));
  else out.push(next);
  if (p.rng.chance(0.2)) out.push(p.lexicon.noun(p.rng));
}

function clause(p: Prose, out: string[], mentionChance: number): void {
  if (p.mentions.length > 0 && p.rng.chance(mentionChance)) out.push(p.rng.pick(p.mentions));
  else nounPhrase(p, out);
  out.push(p.rng.pick(VERBS_PAST));
  nounPhrase(p, out);
  if (p.rng.chance(0.5)) {
    out.push(p.rng.pick(PREPOSITIONS));
    if (p.mentions.length > 0 && p.rng.chance(0.1)) out.push(p.rng.pick(p.mentions));
    else nounPhrase(p, out);
  }
}

/** Wraps one or two plain tokens (never the first) in emphasis, a link or strikethrough. */
function decorate(p: Prose, tokens: string[], linkChance: number): void {
  const rng = p.rng;
  const at = rng.int(1, tokens.length - 2);
  const a = tokens[at];
  const b = tokens[at + 1];
  if (a === undefined || b === undefined || !SIMPLE_TOKEN.test(a) || !SIMPLE_TOKEN.test(b)) return;
  const roll = rng.next();
  if (roll < linkChance) {
    tokens[at] = `[${a}`;
    tokens[at + 1] = `${b}](https://example.org/${p.year}/${a}-${b}-${rng.int(1, 999)})`;
  } else if (roll < linkChance + 0.05) {
    tokens[at] = `*${a}*`;
  } else if (roll < linkChance + 0.08) {
    tokens[at] = `**${a}`;
    tokens[at + 1] = `${b}**`;
  } else if (roll < linkChance + 0.085) {
    tokens[at] = `~~${a}~~`;
  }
}

function sentence(p: Prose, mentionChance = 0.15, linkChance = 0.05): string {
  const tokens: string[] = [];
  clause(p, tokens, mentionChance);
  if (p.rng.chance(0.3)) {
    tokens[tokens.length - 1] += ",";
    tokens.push(p.rng.pick(CONJUNCTIONS));
    clause(p, tokens, mentionChance / 2);
  }
  decorate(p, tokens, linkChance);
  p.words += tokens.length;
  return capitalize(tokens.join(" ")) + ".";
}

function paragraph(p: Prose): string {
  const sentences: string[] = [];
  const n = p.rng.int(3, 6);
  for (let i = 0; i < n; i++) sentences.push(sentence(p));
  return sentences.join(" ");
}

function heading(p: Prose): string {
  const tokens: string[] = [];
  if (p.rng.chance(0.6)) tokens.push(p.rng.pick(ADJECTIVES));
  tokens.push(p.lexicon.noun(p.rng));
  if (p.rng.chance(0.5)) tokens.push(p.rng.pick(PREPOSITIONS), "the", p.lexicon.noun(p.rng));
  p.words += tokens.length;
  return `## ${titleCase(tokens)}`;
}

function list(p: Prose): string {
  const rng = p.rng;
  const style = rng.next();
  const items: string[] = [];
  const n = rng.int(3, 5);
  for (let i = 0; i < n; i++) {
    const marker = style < 0.5 ? "-" : style < 0.9 ? `${i + 1}.` : rng.chance(0.5) ? "- [x]" : "- [ ]";
    const lead = rng.chance(0.4) ? `**${capitalize(p.lexicon.noun(rng))}**: ` : "";
    items.push(`${marker} ${lead}${sentence(p, 0.1, 0)}`);
  }
  return items.join("\n");
}

function blockquote(p: Prose): string {
  const lines = [`> "${sentence(p, 0.05, 0)} ${sentence(p, 0.05, 0)}"`];
  if (p.rng.chance(0.5) && p.mentions.length > 0) lines.push(">", `> — ${p.rng.pick(p.mentions)}`);
  return lines.join("\n");
}

function table(p: Prose): string {
  const rng = p.rng;
  const rows = [
    `| Year | ${capitalize(p.lexicon.noun(rng))} | Change |`,
    "| --- | ---: | ---: |",
  ];
  const n = rng.int(3, 5);
  let year = p.year - n;
  for (let i = 0; i < n; i++) {
    const change = (rng.int(-150, 150) / 10).toFixed(1);
    rows.push(`| ${year++} | ${thousands(rng.int(100, 2_000_000))} | ${change}% |`);
  }
  p.words += n * 3 + 3;
  return rows.join("\n");
}

function body(p: Prose): string {
  const rng = p.rng;
  const target = rng.int(460, 1040); // words of prose; markup and the last paragraph add about 5%
  const sections = rng.int(2, 4);
  const listIn = rng.int(0, sections - 1);
  const quoteIn = rng.int(0, sections - 1);
  const tableIn = rng.chance(0.08) ? rng.int(0, sections - 1) : -1;
  const footnote = rng.chance(0.05);
  const blocks: string[] = [];
  const introParagraphs = rng.int(1, 2);
  for (let i = 0; i < introParagraphs; i++) blocks.push(paragraph(p));
  for (let s = 0; s < sections; s++) {
    blocks.push(heading(p));
    const sectionTarget = (target * (s + 1)) / sections;
    let first = true;
    while (first || p.words < sectionTarget) {
      blocks.push(paragraph(p));
      if (first && s === listIn) blocks.push(list(p));
      if (first && s === quoteIn) blocks.push(blockquote(p));
      if (first && s === tableIn) blocks.push(table(p));
      first = false;
    }
  }
  if (footnote) {
    blocks[blocks.length - 1] += "[^1]";
    blocks.push(`[^1]: ${sentence(p, 0.3, 0)}`);
  }
  return blocks.join("\n\n");
}

// ---------------------------------------------------------------- articles

interface ArticleRefs {
  entities: string[];
  authors: string[];
  tags: string[];
}

class ArticleMaker {
  private readonly entityRanks: Zipf;
  private readonly authorRanks: Zipf;
  private readonly tagRanks = new Zipf(TAGS.length, 0.7);
  private readonly order: number[];

  constructor(
    private readonly rng: Random,
    private readonly lexicon: Lexicon,
    private readonly entities: readonly Entity[],
    private readonly authors: readonly Author[],
    private readonly count: number,
  ) {
    this.entityRanks = new Zipf(entities.length, 0.9); // the top entity is in about 40% of articles
    this.authorRanks = new Zipf(authors.length, 0.8);
    // Every entity appears at least once: entity order[j] is guaranteed a place in article j % count.
    this.order = rng.shuffle(entities.map((_, i) => i));
  }

  private refer(index: number): string {
    const entity = this.entities[index]!;
    return entity.aliases.length > 0 && this.rng.chance(0.15) ? this.rng.pick(entity.aliases) : entity.name;
  }

  refs(index: number): ArticleRefs {
    const rng = this.rng;
    const wanted = rng.int(3, 12);
    const chosen = new Set<number>();
    for (let j = index; j < this.order.length && chosen.size < 12; j += this.count) chosen.add(this.order[j]!);
    while (chosen.size < Math.min(wanted, this.entities.length)) chosen.add(this.entityRanks.sample(rng));
    const entities = rng.shuffle([...chosen]).map((i) => this.refer(i));
    const authors = new Set<string>([this.authors[this.authorRanks.sample(rng)]!.name]);
    if (rng.chance(0.12)) authors.add(this.authors[this.authorRanks.sample(rng)]!.name);
    const tags = new Set<string>();
    const tagCount = rng.int(1, 3);
    while (tags.size < tagCount) tags.add(TAGS[this.tagRanks.sample(rng)]!);
    return { entities, authors: [...authors], tags: [...tags] };
  }

  title(refs: ArticleRefs): string {
    const rng = this.rng;
    const [e1 = "Officials", e2 = "critics"] = refs.entities;
    const noun = (): string => this.lexicon.noun(rng);
    switch (rng.int(0, 5)) {
      case 0: return `${e1} ${titleCase([rng.pick(VERBS_PRESENT), rng.pick(ADJECTIVES), noun(), noun()])}`;
      case 1: return `${e1} and ${e2} ${titleCase(["agree", "on", noun()])}`;
      case 2: return `${titleCase(["inside", "the", rng.pick(ADJECTIVES), noun()])} at ${e1}`;
      case 3: return `${e1}: "${capitalize(noun())} ${rng.pick(VERBS_PAST)} the ${noun()}"`;
      case 4: return `Why ${e1}'s ${titleCase([noun(), "still", "matters"])}`;
      default: return `${titleCase([rng.pick(ADJECTIVES), noun(), rng.pick(VERBS_PRESENT), noun()])} in ${e1}`;
    }
  }

  article(index: number): { path: string; text: string; draft: boolean } {
    const rng = this.rng;
    const refs = this.refs(index);
    const day = new Date(FIRST_DAY + rng.int(0, DAY_COUNT - 1) * 86_400_000);
    const year = day.getUTCFullYear();
    const month = String(day.getUTCMonth() + 1).padStart(2, "0");
    const date = `${year}-${month}-${String(day.getUTCDate()).padStart(2, "0")}`;
    const title = this.title(refs);
    const slug = `${truncateSlug(fileSlug(title), 60) || "article"}-${index + 1}`;
    const prose: Prose = { rng, lexicon: this.lexicon, mentions: refs.entities, year, words: 0 };
    const summary = rng.chance(0.5) ? sentence(prose, 0.6, 0) : `${sentence(prose, 0.6, 0)} ${sentence(prose, 0.3, 0)}`;
    const draft = rng.chance(0.01);
    const [onlyAuthor] = refs.authors;
    const lines = [
      "---",
      `title: ${yamlString(title)}`,
      `date: ${date}`,
      `author: ${refs.authors.length === 1 && onlyAuthor !== undefined ? yamlString(onlyAuthor) : yamlFlowList(refs.authors)}`,
      `summary: ${yamlString(summary.replace(/[*[\]~]|\(https:[^)]*\)/g, ""))}`,
      "entities:",
      ...refs.entities.map((name) => `  - ${yamlString(name)}`),
      `tags: ${yamlFlowList(refs.tags)}`,
    ];
    if (draft) lines.push("draft: true");
    lines.push("---", "", body(prose), "");
    return { path: join("articles", String(year), month, `${slug}.md`), text: lines.join("\n"), draft };
  }
}

function entityFile(entity: Entity, rng: Random, prose: Prose): string {
  const lines = ["---", `name: ${yamlString(entity.name)}`, `type: ${yamlString(entity.type)}`];
  if (entity.aliases.length > 0) lines.push(`aliases: ${yamlFlowList(entity.aliases)}`);
  lines.push(
    `description: ${yamlString(`${/^[aeiou]/.test(entity.type) ? "An" : "A"} ${entity.type} in the generated archive, ${rng.pick(ADJECTIVES)} and ${rng.pick(ADJECTIVES)}.`)}`,
    "links:",
    `  - ${yamlString(`https://example.org/wiki/${encodeURIComponent(entity.name.replace(/ /g, "_"))}`)}`,
    "---",
    "",
  );
  const paragraphs = rng.int(1, 3);
  for (let i = 0; i < paragraphs; i++) lines.push(paragraph(prose), "");
  return lines.join("\n");
}

function authorFile(author: Author, rng: Random, prose: Prose): string {
  const beat = `${rng.pick(TAGS)} and ${rng.pick(TAGS)}`;
  return [
    "---",
    `name: ${yamlString(author.name)}`,
    `bio: ${yamlString(`${author.name} covers ${beat} for the archive.`)}`,
    "links:",
    `  - ${yamlString(`https://example.org/people/${encodeURIComponent(fileSlug(author.name))}`)}`,
    "---",
    "",
    paragraph(prose),
    "",
  ].join("\n");
}

// ---------------------------------------------------------------- writing

/** Writes files with a bounded number in flight, creating each directory once. */
class FileWriter {
  private static readonly IN_FLIGHT = 32;
  private readonly made = new Set<string>();
  private readonly taken = new Set<string>();
  private readonly pending = new Set<Promise<void>>();
  private failure: unknown = undefined;

  constructor(private readonly root: string) {}

  /** Writes relPath, or relPath with "-2", "-3"… before the extension if that name is taken. */
  async write(relPath: string, text: string): Promise<void> {
    let path = relPath;
    for (let n = 2; this.taken.has(path.toLowerCase()); n++) path = relPath.replace(/\.md$/, `-${n}.md`);
    this.taken.add(path.toLowerCase());
    const full = join(this.root, path);
    const dir = dirname(full);
    if (!this.made.has(dir)) {
      mkdirSync(dir, { recursive: true });
      this.made.add(dir);
    }
    if (this.pending.size >= FileWriter.IN_FLIGHT) await Promise.race(this.pending);
    this.check();
    const write: Promise<void> = writeFile(full, text)
      .catch((error: unknown) => {
        this.failure ??= error;
      })
      .finally(() => this.pending.delete(write));
    this.pending.add(write);
  }

  async flush(): Promise<void> {
    await Promise.all(this.pending);
    this.check();
  }

  private check(): void {
    if (this.failure !== undefined) throw this.failure;
  }
}

/** Empties outDir, refusing to touch a non-empty folder this generator did not write. */
function prepareOutDir(outDir: string): void {
  if (existsSync(outDir) && readdirSync(outDir).length > 0 && !existsSync(join(outDir, MARKER_FILE))) {
    throw new Error(`${outDir} is not empty and was not written by generate-corpus; refusing to overwrite it`);
  }
  for (const name of ["articles", "entities", "authors", "site.yaml", MARKER_FILE]) {
    rmSync(join(outDir, name), { recursive: true, force: true });
  }
  mkdirSync(outDir, { recursive: true });
}

export async function generateCorpus({ count, outDir, seed = 1 }: CorpusOptions): Promise<CorpusStats> {
  if (!Number.isInteger(count) || count < 1) throw new Error(`count must be a positive integer, got ${count}`);
  const root = resolve(outDir);
  prepareOutDir(root);
  const rng = new Random(seed);
  const lexicon = new Lexicon(rng);
  const names = new NameRegistry();
  const maker = new NameMaker(rng, lexicon);
  const entities = makeEntities(Math.min(5000, Math.max(20, Math.round(count / 2))), rng, names, maker);
  const authors = makeAuthors(Math.min(200, Math.max(5, Math.round(count / 50))), rng, names);
  const writer = new FileWriter(root);
  const prose: Prose = { rng, lexicon, mentions: [], year: 2024, words: 0 };

  await writer.write(MARKER_FILE, `${JSON.stringify({ generator: "scripts/generate-corpus.ts", count, seed })}\n`);
  await writer.write("site.yaml", [
    `title: ${yamlString(`Generated archive (${count} articles)`)}`,
    `description: ${yamlString(`A deterministic synthetic archive of ${count} articles for benchmarks and scale tests (seed ${seed}).`)}`,
    `url: ${yamlString("https://example.org")}`,
    `language: ${yamlString("en")}`,
    "",
  ].join("\n"));
  let entityFiles = 0;
  for (const entity of entities) {
    if (!entity.hasFile) continue;
    prose.mentions = [entity.name];
    await writer.write(join("entities", `${fileSlug(entity.name)}.md`), entityFile(entity, rng, prose));
    entityFiles++;
  }
  let authorFiles = 0;
  for (const author of authors) {
    if (!author.hasFile) continue;
    await writer.write(join("authors", `${fileSlug(author.name)}.md`), authorFile(author, rng, prose));
    authorFiles++;
  }
  const articles = new ArticleMaker(rng, lexicon, entities, authors, count);
  let drafts = 0;
  for (let i = 0; i < count; i++) {
    const article = articles.article(i);
    await writer.write(article.path, article.text);
    if (article.draft) drafts++;
  }
  await writer.flush();
  return { articles: count, entities: entities.length, authors: authors.length, drafts, entityFiles, authorFiles };
}

// ---------------------------------------------------------------- command line

function isEntryPoint(): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return import.meta.url === pathToFileURL(realpathSync(script)).href;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  const usage = "usage: tsx scripts/generate-corpus.ts <count> <outDir> [--seed N]";
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { seed: { type: "string" } } });
  const [countArg, outDir] = positionals;
  const count = Number(countArg);
  const seed = values.seed === undefined ? 1 : Number(values.seed);
  if (!outDir || positionals.length > 2 || !Number.isInteger(count) || count < 1 || !Number.isInteger(seed)) {
    console.error(usage);
    process.exit(2);
  }
  const started = performance.now();
  const stats = await generateCorpus({ count, outDir, seed });
  const seconds = ((performance.now() - started) / 1000).toFixed(2);
  console.log(
    `${stats.articles} articles (${stats.drafts} drafts), ${stats.entities} entities (${stats.entityFiles} files), ` +
      `${stats.authors} authors (${stats.authorFiles} files) in ${resolve(outDir)}, ${seconds} s`,
  );
}

if (isEntryPoint()) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
