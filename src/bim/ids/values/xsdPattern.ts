/**
 * XSD regular expressions (XML Schema Part 2, Appendix F) → JavaScript RegExp. The two dialects differ where it
 * matters for IDS patterns: an XSD pattern always matches the whole value (no anchors; `^` and `$` are plain
 * characters), `.` excludes only \n and \r, `\w` `\d` are Unicode classes, `\i` `\c` are XML name characters, and
 * a class may subtract another (`[a-z-[aeiou]]`). A recursive-descent parser reads the XSD grammar and writes
 * the JavaScript equivalent (u flag); anything the grammar does not allow is an error, so a malformed pattern in
 * an IDS is reported, never silently read another way.
 */

export class XsdPatternError extends Error {
  override readonly name = 'XsdPatternError';
}

/** A class item: `inClass` when it can sit inside a JavaScript […], `atom` always. */
interface ClassItem {
  inClass: string | null;
  atom: string;
}

const NAME_START =
  ':A-Z_a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C-\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD\\u{10000}-\\u{EFFFF}';
const NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;

const MULTI_CHAR_ESCAPES: Record<string, ClassItem> = {
  s: { inClass: ' \\t\\n\\r', atom: '[ \\t\\n\\r]' },
  S: { inClass: null, atom: '[^ \\t\\n\\r]' },
  d: { inClass: '\\p{Nd}', atom: '\\p{Nd}' },
  D: { inClass: '\\P{Nd}', atom: '\\P{Nd}' },
  w: { inClass: null, atom: '[^\\p{P}\\p{Z}\\p{C}]' },
  W: { inClass: '\\p{P}\\p{Z}\\p{C}', atom: '[\\p{P}\\p{Z}\\p{C}]' },
  i: { inClass: NAME_START, atom: `[${NAME_START}]` },
  I: { inClass: null, atom: `[^${NAME_START}]` },
  c: { inClass: NAME_CHAR, atom: `[${NAME_CHAR}]` },
  C: { inClass: null, atom: `[^${NAME_CHAR}]` },
};

const SINGLE_CHAR_ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t' };
/**
 * XSD's single-character escapes are \ | . ? * + ( ) { } - [ ] ^ (and $ in XSD 1.1). IDS files in the wild, the
 * buildingSMART test suite among them, also escape other punctuation such as "\/"; like common XSD processors we
 * read any escaped ASCII punctuation as itself. Escaped letters and digits stay errors.
 */
const isEscapable = (char: string) => /^[!-/:-@[-`{-~]$/.test(char);
const CATEGORIES = new Set(
  'L Lu Ll Lt Lm Lo M Mn Mc Me N Nd Nl No P Pc Pd Ps Pe Pi Pf Po Z Zs Zl Zp S Sm Sc Sk So C Cc Cf Co Cn'.split(' '),
);
/** The Unicode blocks IDS authors reach for; others are refused rather than guessed. */
const BLOCKS: Record<string, string> = {
  BasicLatin: '\\u0000-\\u007F',
  'Latin-1Supplement': '\\u0080-\\u00FF',
  'LatinExtended-A': '\\u0100-\\u017F',
  'LatinExtended-B': '\\u0180-\\u024F',
  LatinExtendedAdditional: '\\u1E00-\\u1EFF',
  CombiningDiacriticalMarks: '\\u0300-\\u036F',
  Greek: '\\u0370-\\u03FF',
  Cyrillic: '\\u0400-\\u04FF',
  Arabic: '\\u0600-\\u06FF',
  GeneralPunctuation: '\\u2000-\\u206F',
  CJKUnifiedIdeographs: '\\u4E00-\\u9FFF',
};

/** Characters that must be escaped to stand for themselves in a JavaScript pattern (u flag). */
const escapeAtom = (char: string) => ('^$\\.*+?()[]{}|/'.includes(char) ? `\\${char}` : char);
const escapeInClass = (char: string) => ('\\]^-['.includes(char) ? `\\${char}` : char === '\n' ? '\\n' : char === '\r' ? '\\r' : char === '\t' ? '\\t' : char);

class Translator {
  private at = 0;
  private readonly chars: string[];

  constructor(private readonly source: string) {
    this.chars = Array.from(source);
  }

  translate(): string {
    const result = this.regExp();
    if (this.at < this.chars.length) this.fail(`unexpected "${this.peek()}"`);
    return result;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.at + offset];
  }

  private next(): string {
    const char = this.chars[this.at++];
    if (char === undefined) this.fail('the pattern ends too early');
    return char!;
  }

  private fail(message: string): never {
    throw new XsdPatternError(`${message} at position ${this.at + 1} of the pattern "${this.source}"`);
  }

  private regExp(): string {
    const branches = [this.branch()];
    while (this.peek() === '|') {
      this.at++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  private branch(): string {
    let out = '';
    while (this.at < this.chars.length && this.peek() !== '|' && this.peek() !== ')') out += this.piece();
    return out;
  }

  private piece(): string {
    const atom = this.atom();
    const char = this.peek();
    if (char === '?' || char === '*' || char === '+') {
      this.at++;
      return atom + char;
    }
    if (char === '{') return atom + this.quantity();
    return atom;
  }

  private quantity(): string {
    this.at++;
    let text = '';
    while (this.peek() !== '}') text += this.next();
    this.at++;
    const match = /^(\d+)(,(\d*))?$/.exec(text);
    if (!match) this.fail(`"{${text}}" is not a quantifier`);
    if (match[3] && Number(match[3]) < Number(match[1])) this.fail(`the quantifier {${text}} has its maximum below its minimum`);
    return `{${text}}`;
  }

  private atom(): string {
    const char = this.next();
    switch (char) {
      case '(': {
        if (this.peek() === '?') this.fail('"(?" is not XSD syntax');
        const inner = this.regExp();
        if (this.peek() !== ')') this.fail('a group is not closed');
        this.at++;
        return `(?:${inner})`;
      }
      case '[':
        return this.charClass();
      case '.':
        return '[^\\n\\r]';
      case '\\':
        return this.escape().atom;
      case '?':
      case '*':
      case '+':
      case '{':
      case '}':
      case ']':
      case ')':
        return this.fail(`"${char}" has nothing to apply to; escape it as "\\${char}"`);
      default:
        return escapeAtom(char);
    }
  }

  /** After a backslash: a single-character, multi-character or category escape. */
  private escape(): ClassItem {
    const char = this.next();
    const multi = MULTI_CHAR_ESCAPES[char];
    if (multi) return multi;
    if (char === 'p' || char === 'P') return this.category(char === 'P');
    const single = SINGLE_CHAR_ESCAPES[char] ?? (isEscapable(char) ? char : undefined);
    if (single === undefined) this.fail(`"\\${char}" is not an XSD escape`);
    return { inClass: escapeInClass(single), atom: escapeAtom(single) };
  }

  private category(negated: boolean): ClassItem {
    if (this.next() !== '{') this.fail('"\\p" needs a name in braces');
    let name = '';
    while (this.peek() !== '}') name += this.next();
    this.at++;
    let positive: string;
    if (CATEGORIES.has(name)) positive = `\\p{${name}}`;
    else if (name.startsWith('Is') && BLOCKS[name.slice(2)]) positive = BLOCKS[name.slice(2)]!;
    else return this.fail(`"${name}" is not a Unicode category or a supported block`);
    if (!negated) return { inClass: positive, atom: positive.startsWith('\\p') ? positive : `[${positive}]` };
    if (positive.startsWith('\\p')) return { inClass: `\\P${positive.slice(2)}`, atom: `\\P${positive.slice(2)}` };
    return { inClass: null, atom: `[^${positive}]` };
  }

  /** After "[": items, ranges, an optional leading ^ and an optional trailing subtraction "-[…]". */
  private charClass(): string {
    const negated = this.peek() === '^';
    if (negated) this.at++;
    const items: ClassItem[] = [];
    let subtraction: string | null = null;
    let first = true;
    while (this.peek() !== ']') {
      if (this.peek() === undefined) this.fail('a character class is not closed');
      if (this.peek() === '-' && this.peek(1) === '[') {
        this.at += 2;
        subtraction = this.charClass();
        if (this.peek() !== ']') this.fail('a class subtraction must end its class');
        break;
      }
      const start = this.classChar(first);
      first = false;
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '[' && start.single !== null) {
        this.at++;
        const end = this.classChar(false);
        if (end.single === null) this.fail('a range must end with a single character');
        if (end.single.codePointAt(0)! < start.single.codePointAt(0)!) this.fail(`the range ${start.single}-${end.single} is reversed`);
        items.push({ inClass: `${escapeInClass(start.single)}-${escapeInClass(end.single)}`, atom: `[${escapeInClass(start.single)}-${escapeInClass(end.single)}]` });
      } else {
        items.push(start.item);
      }
    }
    this.at++;
    if (items.length === 0) this.fail('a character class is empty');
    const union = items.every((item) => item.inClass !== null)
      ? `[${items.map((item) => item.inClass).join('')}]`
      : `(?:${items.map((item) => item.atom).join('|')})`;
    const guard = subtraction ? `(?!${subtraction})` : '';
    if (!negated) return guard ? `(?:${guard}${union})` : union;
    if (union.startsWith('[') && !guard) return `[^${union.slice(1)}`;
    return `(?:${guard}(?!${union})[\\s\\S])`;
  }

  /** One class character or escape; `single` is the character when it can start or end a range. */
  private classChar(first: boolean): { item: ClassItem; single: string | null } {
    const char = this.next();
    if (char === '\\') {
      const before = this.at;
      const item = this.escape();
      const escaped = this.chars[before]!;
      const single = SINGLE_CHAR_ESCAPES[escaped] ?? (isEscapable(escaped) ? escaped : null);
      return { item, single };
    }
    if (char === '[') this.fail('"[" must be escaped inside a character class');
    if (char === '-' && !first && this.peek() !== ']') this.fail('"-" must be escaped, or be first or last in a character class');
    return { item: { inClass: escapeInClass(char), atom: escapeAtom(char) }, single: char };
  }
}

/** The XSD pattern as an anchored JavaScript RegExp; throws XsdPatternError when it is not valid XSD. */
export function compileXsdPattern(pattern: string): RegExp {
  return new RegExp(`^(?:${new Translator(pattern).translate()})$`, 'u');
}
