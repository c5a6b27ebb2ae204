// Whole articles (issue 13): what is news of the day in a long article, and capitals standing for
// their governments. Invented sentences of the kinds news and comment pieces write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { opensWithDateline } from '../../src/locales/en/dateline.js';

const extractor = createExtractor();

function eventsOf(text: string, date: string | undefined = '2024-03-08'): AcledEvent[] {
  return extractor.extract({ text, date, origin: { file: 'inline' } }).events;
}

/** Sentences that report nothing, to make a text long (an article rather than a note). */
const FILLER = [
  'The talks are expected to resume next month.',
  'Diplomats described the mood as cautious.',
  'Aid agencies have appealed for more funding.',
  'The region has a long history of mistrust.',
  'Officials declined to give further details.',
  'Analysts expect the situation to remain tense.',
  'Residents say prices have risen sharply.',
  'The report runs to more than 200 pages.',
].join(' ');

test('in a long comment piece, an event word with no day and no dead is not news of the day', () => {
  const comment = `${FILLER} Geopolitical power games have not ended in the country, nor has the fighting around Idlib. The militias are fighting to clear the province of rebels.`;
  assert.deepEqual(eventsOf(comment), []);
});

test('in a long article, an event told with its day, or with its dead in the opening, is still news', () => {
  const dated = eventsOf(`${FILLER} On Tuesday, militants attacked an army post near Idlib, the army said.`);
  assert.equal(dated.length, 1);
  assert.equal(dated[0]!.event_date, '2024-03-05');
  const dead = eventsOf(`Gunmen killed six villagers near Maiduguri, residents said. ${FILLER}`);
  assert.equal(dead.length, 1);
  assert.equal(dead[0]!.fatalities, 6);
  // (Undated dead past the opening are background: see whole-articles.test.ts.)
  assert.deepEqual(eventsOf(`${FILLER} Gunmen killed six villagers near Maiduguri, residents said.`), []);
});

test('a wire report (opening with a dateline) tells the day\'s news without naming the day', () => {
  const wire = eventsOf(`MAIDUGURI, Nigeria (AP) — Militants attacked an army base near Maiduguri, the military said. ${FILLER}`);
  assert.equal(wire.length, 1);
  assert.equal(wire[0]!.location, 'Maiduguri');
});

test('datelines: place words, then an optional date and agency in round or square brackets, then a dash', () => {
  assert.ok(opensWithDateline('KABUL (Reuters) - Taliban fighters ...'));
  assert.ok(opensWithDateline('SAN SALVADOR, 3 JAN 90 -- [REPORT] [TEXT] ...'));
  assert.ok(opensWithDateline('BOGOTA, 27 APR 90 [INRAVISION TELEVISION CADENA 1) -- [SPEECH] ...'));
  assert.ok(!opensWithDateline('The war in the north - a view from the ground'));
  assert.ok(!opensWithDateline('Gunmen killed six people on Monday.'));
});

test('a capital standing for its government is not where an event happened', () => {
  const said = eventsOf('On Monday, militants attacked a border post near Afrin. Ankara said the attackers had come from Syria.', undefined);
  assert.equal(said.length, 1);
  assert.equal(said[0]!.location, 'Afrin');
  const possessive = eventsOf('On Monday, militants attacked an army post. The attack followed Washington\'s support for the militia.', undefined);
  assert.ok(possessive.every((e) => e.location !== 'Washington'), possessive.map((e) => e.location).join());
  const pair = eventsOf('On Monday, militants attacked an army post, straining ties between Washington and Ankara.', undefined);
  assert.ok(pair.every((e) => e.location !== 'Washington' && e.location !== 'Ankara'), pair.map((e) => e.location).join());
});

test('a capital closing a headline after a colon is the source it cites, not the place', () => {
  const cited = extractor.extract({ text: '12 killed by car bomb in a rebel-held border town: Ankara', date: '2019-11-02', country: 'Syria', origin: { file: 'inline' } }).events;
  assert.equal(cited.length, 1);
  assert.equal(cited[0]!.country, 'Syria', `${cited[0]!.country} ${cited[0]!.location}`);
  // named as a place, the capital stays the event's place
  const there = eventsOf('A car bomb killed 12 people in Ankara on Monday.', '2019-11-04');
  assert.equal(there[0]?.location, 'Ankara');
});

test('Syrian towns the gazetteer lacked are read in their governorates (Hodr, Khan al-Shih, Zarkan)', () => {
  const read = (text: string) => extractor.extract({ text, date: '2017-11-03', country: 'Syria', origin: { file: 'inline' } }).events[0];
  assert.equal(read('Shells target Hodr and 8 fighters were killed')?.admin1, 'Quneitra');
  assert.equal(read('Shelling kills 5 in Khan al-Shekh')?.admin1, 'Rural Damascus');
  assert.equal(read('Clashes kill 5 in Zarkan')?.admin1, 'Al-Hasakeh');
});

test('Syrian towns, a camp and areas the gazetteer lacked are read in their governorates (Zardana, Kashkool, Yarmouk Basin)', () => {
  const read = (text: string) => extractor.extract({ text, date: '2018-03-21', country: 'Syria', origin: { file: 'inline' } }).events[0];
  assert.equal(read('Warplanes kill 12 people in Zardana')?.admin1, 'Idleb');
  assert.equal(read('Airstrikes kill 4 in Barisha village')?.admin1, 'Idleb');
  assert.equal(read('Shells hit Qah camp and kill 3 children')?.admin1, 'Idleb');
  assert.equal(read('Rocket fire kills 9 people in Kashkool')?.admin1, 'Rural Damascus');
  assert.equal(read('Clashes kill 6 fighters in al-Shuhayl town')?.admin1, 'Deir-ez-Zor');
  assert.equal(read('Russian warplanes kill 14 civilians in Yarmouk Basin')?.admin1, "Dar'a");
  assert.equal(read('Shelling kills 3 farmers in Sahl al-Ghab')?.admin1, 'Hama');
});

test("a town's police station, academy or military airport stands in the town; a country's army post need not", () => {
  const read = (text: string) => extractor.extract({ text, date: '2018-03-21', country: 'Syria', origin: { file: 'inline' } }).events[0];
  assert.equal(read('A car bomb hits Homs police station, killing 6')?.location, 'Homs');
  assert.equal(read('Gunmen storm the Aleppo police headquarters and kill 3 guards')?.admin1, 'Aleppo');
  assert.equal(read('A suicide bomber kills 9 at Kabul police academy')?.location, 'Kabul');
  assert.equal(read('Rebels kill 12 soldiers in an assault on the Hama military airport')?.location, 'Hamah');
  assert.notEqual(read('A roadside bomb kills 2 soldiers at a Turkish army post in Idlib')?.country, 'Turkey');
});

test('a capital named as a place keeps its place, even before the same verbs', () => {
  const inCapital = eventsOf('On 19 January, medical students in Nairobi protested against the strike.', undefined);
  assert.equal(inCapital[0]?.location, 'Nairobi');
  const of = eventsOf('Patients of the hospital in Bangui protested against the closure on Sunday.', undefined);
  assert.equal(of[0]?.location, 'Bangui');
  const attack = eventsOf('On Monday, a suicide bomber killed five people in Kabul.', undefined);
  assert.equal(attack[0]?.location, 'Kabul');
});

test('Latin American armed groups of wire reports are named actors (actor table with its source)', () => {
  const [e] = eventsOf('On Tuesday, Shining Path guerrillas killed four peasants near Ayacucho, the army said.', undefined);
  assert.equal(e?.actor1, 'PCP-SL: Communist Party of Peru - Shining Path');
  const [caps] = eventsOf('SAN SALVADOR, 3 JAN 90 -- TERRORISTS OF THE FARABUNDO MARTI NATIONAL LIBERATION FRONT [FMLN] KIDNAPPED 50 PEASANTS IN SAN MIGUEL DEPARTMENT ON 30 DECEMBER.', undefined);
  assert.equal(caps?.actor1, 'FMLN: Farabundo Marti National Liberation Front');
});

test('a place after "X-controlled", "besieged" or "occupied" is read as a place', () => {
  const { doc } = extractor.extract({ text: 'Thousands of people have arrived from Isis-controlled Baghuz since Wednesday.', date: '2019-03-12', origin: { file: 'inline' } });
  assert.ok(doc.places.some((p) => p.text === 'Baghuz'), doc.places.map((p) => p.text).join());
});

test('intent and deliberation reach the whole clause: "planning to merge ... and take control", "to discuss a phased offensive"', () => {
  assert.deepEqual(eventsOf('On Monday the group said it is planning to merge with other armed factions and take control of the highway near Idlib.'), []);
  assert.deepEqual(eventsOf('On Friday leaders meet in Tehran to discuss a "phased" Idlib offensive.'), []);
  // An attempt is coded: "tried to attack" stays an event.
  assert.equal(eventsOf('On Saturday youths tried to attack the MP at a funeral in Ahero.').length, 1);
});

test('a participle that says who people are ("militias fighting against the army") is no event', () => {
  const described = eventsOf(`${FILLER} On Monday the council called on the government to protect local militias fighting against the army near Hama. Volunteers fighting alongside the militia met the governor on Monday.`);
  assert.deepEqual(described.map((e) => e.sub_event_type), []);
  // The same word as the verb of its clause is an event.
  const told = eventsOf(`${FILLER} On Monday local militias were fighting against the army near Hama, residents said.`);
  assert.equal(told.length, 1);
  assert.equal(told[0]!.event_type, 'Battles');
});

test('days counted from a day the text names ("a day earlier", "two days later") are dated from it', () => {
  const [killing, march] = eventsOf('On Monday, gunmen killed three villagers in Maiduguri. Two days later, protesters marched in Kano against the killings.');
  assert.equal(killing?.event_date, '2024-03-04');
  assert.equal(march?.event_date, '2024-03-06');
  assert.equal(march?.location, 'Kano');
  const [earlier] = eventsOf('Gunmen killed four soldiers near Hama two days earlier, the army said on Thursday.');
  assert.equal(earlier?.event_date, '2024-03-05');
  // "two days before the vote" counts from the vote, which has no date here: no day is read from it.
  const extractor2 = createExtractor();
  const { doc } = extractor2.extract({ text: 'Militants attacked a checkpoint two days before the vote.', date: '2024-03-08' });
  assert.deepEqual(doc.dates, []);
});

test('in an article, an event word whose nearest date is a year ("last year", "in 1967") is background', () => {
  const told = eventsOf(`${FILLER} Despite reports last year that the commander had been killed, his brother said on Monday that he was alive. Israel, which captured the plateau in 1967, put troops on alert near Quneitra on Tuesday.`);
  assert.deepEqual(told.map((e) => `${e.event_date} ${e.sub_event_type}`), []);
  // "Today's attack" names its day: a year further on in the sentence does not make it background.
  const today = eventsOf(`${FILLER} Today's attack by militants on the pipeline near Arauca is the 25th during 2024, the company said.`);
  assert.equal(today.length, 1);
  assert.equal(today[0]!.event_date, '2024-03-08');
});

test('fighting that is pending, and an attack a witness recalls, are no events of the day', () => {
  assert.deepEqual(eventsOf(`${FILLER} On Friday the last families to flee the pending fighting were screened by troops near Hajin.`), []);
  assert.deepEqual(eventsOf(`${FILLER} On Friday a former volunteer recalled the morning a house he and his friend were guarding near Manbij was set alight.`), []);
});

test('in an article, places listed in an undated sentence do not split an event another sentence dates', () => {
  const text = `${FILLER} On Friday, hundreds of mourners gathered in a hall to remember a volunteer killed in Syria. During his years with the unit he fought alongside volunteers in Manbij, Tabqa and Raqqa.`;
  const events = eventsOf(text);
  assert.ok(events.length <= 1, events.map((e) => e.location).join());
  // A dated sentence that lists its places is still one event per place.
  const listed = eventsOf(`${FILLER} On Friday, militants attacked army posts in Manbij, Tabqa and Raqqa, the army said.`);
  assert.deepEqual(listed.map((e) => e.location).sort(), ['Al-Tabqa', 'Ar Raqqah', 'Manbij']);
});

test('wire copy in capitals: the police that report an attack are its source, not a party to it', () => {
  const text = 'MANAGUA, 4 MAY 90 -- [TEXT] THE POLICE HAVE REPORTED THAT A JUDGE WAS SERIOUSLY WOUNDED THIS MORNING DURING A TERRORIST ATTACK IN CHINANDEGA IN WHICH HIS DRIVER WAS KILLED.';
  const events = eventsOf(text, '1990-05-04');
  assert.ok(events.length >= 1, 'an event');
  for (const e of events) {
    assert.ok(!/^Police Forces/.test(e.actor1 ?? '') && !/^Police Forces/.test(e.actor2 ?? ''), `${e.actor1} / ${e.actor2}`);
  }
});

test('a text that names no place is coded in the country the document is known to be about', () => {
  const text = 'Twin suicide bombers hit a police station, killing 17';
  const hinted = extractor.extract({ text, date: '2017-10-03', country: 'Syria', origin: { file: 'inline' } }).events;
  assert.equal(hinted.length, 1);
  assert.equal(hinted[0]!.country, 'Syria');
  assert.equal(hinted[0]!.admin1, '');
  assert.equal(eventsOf(text)[0]!.country, '');
});
