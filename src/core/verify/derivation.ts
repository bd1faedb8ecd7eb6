import { PARAPHRASE } from './paraphrase-switches';
import { stem } from './text';

/**
 * Word families the Porter stemmer leaves apart, brought to one root: derivations ("acquisition" / "acquired",
 * "decision" / "decide", "expansion" / "expand", "founder" / "founded") by a few rules on the stem's ending, and
 * irregular verbs ("sang" / "sung" / "sing", "wrote" / "written" / "write") by a table. A claim stem is found in a
 * text when their roots agree; the root is a matching key only, never shown.
 */

/** Stem endings and what they become; the first that fits applies, and at least three letters must stay before it. */
const SUFFIX_RULES: [RegExp, string][] = [
  [/isit$/, 'ir'], // acquisit → acquir
  [/script$/, 'scrib'], // descript → describ
  [/sumpt$/, 'sum'], // assumpt → assum
  [/orpt$/, 'orb'], // absorpt → absorb
  [/(re|per|de|con)cept$/, '$1ceiv'], // recept → receiv
  [/uct$/, 'uc'], // product → produc, introduct → introduc
  [/olut$/, 'olv'], // solut → solv, evolut → evolv
  [/iss$/, 'it'], // permiss → permit, admiss → admit
  [/([aeo])ns$/, '$1nd'], // expans → expand, extens → extend, respons → respond
  [/([aeiou])s$/, '$1d'], // decis → decid, explos → explod, conclus → conclud
  [/([^aeiou])\1er$/, '$1'], // winner → win
  [/er$/, ''], // founder → found, leader → lead, singer → sing
];
const MIN_LEFT = 3;

/** Irregular verbs, base form first; every form (and the base's stem) gets the base's stem as its root. */
const IRREGULAR = `sing sang sung song
write wrote written
begin began begun
become became
come came
hold held
sell sold
buy bought
build built
make made
tell told
run ran
fall fell
grow grew grown
win won
lose lost
take took taken
give gave given
choose chose chosen
speak spoke spoken
think thought
bring brought
seek sought
teach taught
meet met
pay paid
send sent
spend spent
fight fought
catch caught
draw drew drawn
drive drove driven
fly flew flown
know knew known
throw threw thrown
wear wore worn
hide hid hidden
rise rose risen
see saw seen
go went gone
eat ate eaten
flee fled
lead led
shoot shot
strike struck
stand stood
understand understood
sit sat
break broke broken
forget forgot forgotten
freeze froze frozen
get got gotten
keep kept
lay laid
lend lent
mean meant
sleep slept
steal stole stolen
swear swore sworn
tear tore torn
wake woke woken
shake shook shaken
feed fed
feel felt
deal dealt
hear heard
say said
ride rode ridden
drink drank drunk
ring rang rung
swim swam swum
sink sank sunk
die died dead
leave left`;

let irregular: Map<string, string> | undefined;

function irregularRoots(): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of IRREGULAR.split('\n')) {
    const [base, ...forms] = line.split(' ');
    if (!base) continue;
    const root = stem(base);
    for (const f of [base, ...forms]) map.set(stem(f), root);
  }
  return map;
}

const cache = new Map<string, string>();

/** The root a stem shares with its word family; the stem itself when no rule or table entry applies. */
export function rootOf(s: string): string {
  if (!PARAPHRASE.derivations && !PARAPHRASE.irregular) return s;
  let root = cache.get(s);
  if (root !== undefined) return root;
  irregular ??= irregularRoots();
  root = PARAPHRASE.irregular ? irregular.get(s) : undefined;
  if (root === undefined && PARAPHRASE.derivations) {
    for (const [re, to] of SUFFIX_RULES) {
      const m = re.exec(s);
      if (m && m.index >= MIN_LEFT) {
        root = s.slice(0, m.index) + m[0].replace(re, to);
        break;
      }
    }
  }
  root ??= s;
  if (cache.size > 50_000) cache.clear();
  cache.set(s, root);
  return root;
}
