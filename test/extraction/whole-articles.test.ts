// Whole articles: what happened now and what is background, where it happened, and whose toll it is
// (issue 13). Invented sentences of the kinds news wires write.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { loadGeoparser } from '../../src/geography/index.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { backgroundClause, citations, cumulativeClause, incidentRunningToll, mayCommemorate, namedEvents } from '../../src/locales/en/time-reference.js';

const extractor = createExtractor();

/** Events of a text published Friday 2024-03-08. */
function eventsOf(text: string): AcledEvent[] {
  return extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } }).events;
}
const brief = (e: AcledEvent) => `${e.event_date} ${e.sub_event_type} ${e.location} ${e.fatalities}`;

test('the commonest wire sentence keeps its place: "in Maiduguri, police said"', () => {
  const events = eventsOf('On Monday, gunmen killed three villagers in Maiduguri, police said.');
  assert.equal(events.length, 1);
  assert.equal(events[0]!.location, 'Maiduguri');
  assert.equal(events[0]!.country, 'Nigeria');
  assert.equal(events[0]!.event_date, '2024-03-04');
  assert.ok(![events[0]!.assoc_actor_1, events[0]!.assoc_actor_2, events[0]!.actor2].some((a) => /police/i.test(a)), 'the police report, they do not act');
});

test('two events of one text stay two: the killing in Maiduguri, the protest in Kano', () => {
  const events = eventsOf('On Monday, gunmen killed three villagers in Maiduguri, police said. Two days later, protesters marched in Kano against the killings.');
  assert.deepEqual(events.map((e) => [e.event_type, e.location, e.fatalities]), [
    ['Violence against civilians', 'Maiduguri', 3],
    ['Protests', 'Kano', 0],
  ]);
});

test('an earlier event told as background is not stamped with the publication date', () => {
  const comes = eventsOf('On Tuesday, a suicide bomber killed five people in Kirkuk. The attack comes a week after 12 people died in a car bombing in Tikrit.');
  assert.deepEqual(comes.map(brief), ['2024-03-05 Suicide bomb Kirkuk 5']);
  const sameSentence = eventsOf('Gunmen killed four people in Jos on Sunday, a week after 12 people died in an attack in Bauchi.');
  assert.deepEqual(sameSentence.map(brief), ['2024-03-03 Attack Jos 4']);
  const previous = eventsOf('Gunmen killed four people in Jos on Sunday. The previous attack, in which eight soldiers died, took place in Bauchi.');
  assert.deepEqual(previous.map(brief), ['2024-03-03 Attack Jos 4']);
});

test('a background clause with a date of its own is an event of that date', () => {
  const events = eventsOf('Gunmen killed four people in Jos on Sunday. The attack came days after militants killed nine villagers in Bauchi on 28 February.');
  assert.deepEqual(events.map((e) => `${e.event_date} ${e.sub_event_type} ${e.location}`).sort(), ['2024-02-28 Attack Bauchi', '2024-03-03 Attack Jos']);
});

test('a phrase naming an earlier event leaves the rest of its sentence alone', () => {
  const events = eventsOf('On Monday, relatives of the victims of an earlier attack marched in Kano, demanding justice.');
  assert.deepEqual(events.map((e) => [e.event_type, e.location, e.event_date]), [['Protests', 'Kano', '2024-03-04']]);
});

test('a cumulative toll is not the event\'s, nor an event of its own', () => {
  const events = eventsOf('Gunmen killed four people in Jos on Sunday. More than 50 people have been killed in the area over the past month.');
  assert.deepEqual(events.map(brief), ['2024-03-03 Attack Jos 4']);
  const clause = eventsOf('Gunmen killed four people in Jos on Sunday, bringing to 60 the number of people killed in the state so far this year.');
  assert.deepEqual(clause.map(brief), ['2024-03-03 Attack Jos 4']);
});

test('conflicting reports of one toll give the lowest figure', () => {
  const events = eventsOf('Gunmen killed at least 10 people in Jos on Sunday, police said, while residents put the toll at 25.');
  assert.equal(events[0]!.fatalities, 10);
  // A total that sums its parts is still the total.
  const sum = eventsOf('Gunmen killed three soldiers and four villagers in Jos on Sunday, bringing the death toll to 7.');
  assert.equal(sum[0]!.fatalities, 7);
});

test('backgroundClause and cumulativeClause: the part of the sentence they cover', () => {
  const s = 'Two days after the killings, protesters marched in Kano.';
  assert.deepEqual(backgroundClause(s), [0, s.indexOf(',')]);
  const t = 'The attack comes a week after 12 people died in Tikrit.';
  assert.deepEqual(backgroundClause(t), [t.indexOf('comes'), t.length]);
  assert.equal(backgroundClause('Gunmen attacked the village on Monday.'), null);
  // An approximated interval still opens the sentence, and an ellipsis or a dash ends the phrase as a comma does.
  const a = 'About three weeks after the raid on the market, soldiers shelled Kafr Batna.';
  assert.deepEqual(backgroundClause(a), [a.indexOf('three'), a.indexOf(',')]);
  const e = 'More than 2 years after the bombing in the town… gunmen kill 4 villagers near Tessit';
  assert.deepEqual(backgroundClause(e), [e.indexOf('2'), e.indexOf('…')]);
  const d = 'Nearly a month after the ambush - militants attack a checkpoint in Kidal';
  assert.deepEqual(backgroundClause(d), [d.indexOf('a month'), d.indexOf(' - ')]);
  assert.equal(eventsOf('About 20 days after rebels killed 9 traders in the town… soldiers shell Kafr Batna killing 4 civilians')[0]!.fatalities, 4);
  const u = 'Gunmen killed four people, bringing the toll so far this year to 60.';
  assert.deepEqual(cumulativeClause(u), [u.indexOf(',') + 1, u.length]);
  assert.equal(cumulativeClause('Gunmen killed four people on Monday.'), null);
});

test("one incident's toll so far is its event's figure; a war's running total is not", () => {
  assert.equal(incidentRunningToll('12 soldiers so far were killed in the ambush near Tessit'), true);
  assert.equal(incidentRunningToll('So far, 300 people have been killed in the fighting.'), false);
  assert.equal(incidentRunningToll('So far, 300 people have been killed in attacks across the state.'), false);
  assert.equal(incidentRunningToll('The massacre brings the toll so far this year to 60.'), false);
  assert.equal(eventsOf('12 soldiers so far were killed in an ambush near Tessit')[0]?.fatalities, 12);
  assert.equal(eventsOf('The conflict has killed 500,000 people so far.').every((e) => e.fatalities === 0), true);
});

test('an undated event told in the perfect, under a modal or in a question is no news of the day', () => {
  const article = (extra: string) =>
    eventsOf(`On Monday, gunmen killed four people in Jos, police said. Officials condemned the killings. ${extra} ` +
      'The governor visited the families. Schools stayed closed across the state. Residents said they were afraid.');
  for (const extra of [
    'The army has fought the militants in Bauchi for a decade.',
    'Residents fear the gunmen will attack Bauchi next.',
    'Why did nobody stop the attack on Bauchi?',
  ]) {
    assert.deepEqual(article(extra).map((e) => e.location), ['Jos'], extra);
  }
});

test('toldAsNoNews: perfect, modal, question', async () => {
  const { toldAsNoNews } = await import('../../src/locales/en/time-reference.js');
  assert.ok(toldAsNoNews('the group has ', ' the town.'));
  assert.ok(toldAsNoNews("they'll ", ' Manbij next.'));
  assert.ok(toldAsNoNews('Why was nothing said about the ', ' on Idlib?'));
  assert.ok(!toldAsNoNews('gunmen ', ' the town on Monday.'));
});

test('a dateline places the event only when no other town does', async () => {
  assert.deepEqual(eventsOf('KABUL (Reuters) - Gunmen killed four people in Jalalabad on Monday.').map((e) => e.location), ['Jalalabad']);
  assert.deepEqual(eventsOf('KABUL (Reuters) - Gunmen killed four people on Monday, police said.').map((e) => e.location), ['Kabul']);
  const { isDatelinePlace } = await import('../../src/locales/en/dateline.js');
  const t = 'SAN SALVADOR, 3 JAN 90 -- [TEXT] A BOMB EXPLODED.';
  assert.ok(isDatelinePlace(t, 0, 12));
  const u = 'Gunmen attacked Kabul - the capital - on Monday.';
  assert.ok(!isDatelinePlace(u, u.indexOf('Kabul'), u.indexOf('Kabul') + 5));
});

test('a person\'s hometown is not the event\'s place: "Anna Campbell, 26, from Lewes, East Sussex"', () => {
  const events = eventsOf('Jane Doe, 26, from Lewes, East Sussex, was killed when her convoy was hit by a Turkish airstrike in Afrin on Tuesday.');
  assert.deepEqual(events.map((e) => [e.location, e.country]), [['Afrin', 'Syria']]);
  const soldier = eventsOf('The soldier, from Leeds, was killed by a roadside bomb in Helmand on Monday.');
  assert.deepEqual(soldier.map((e) => e.country), ['Afghanistan']);
});

test('a town the text names beats the bare name of a country counted from actors ("US forces", "US advisers")', () => {
  const text = 'US forces carried out air strikes on Wednesday against a pro-regime force near Deir Ezzor in Syria, after US advisers came under fire, US officials said. The US Central Command said the US advisers had been at a base alongside Syrian Democratic Forces. US and Russian reports said dozens had been killed.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.equal(events[0]!.country, 'Syria');
  assert.equal(events[0]!.location, 'Deir ez-Zor');
});

test('a day still to come is no event\'s date: "a ceasefire would begin on Tuesday"', () => {
  // (Friday 2024-03-08: Tuesday is the 12th.)
  const events = eventsOf('The government said a ceasefire would begin on Tuesday in Kano. Gunmen killed four people in Jos on Thursday.');
  assert.ok(events.every((e) => e.event_date <= '2024-03-08'), events.map(brief).join('; '));
  assert.deepEqual(events.filter((e) => e.location === 'Jos').map(brief), ['2024-03-07 Attack Jos 4']);
});

test('an event dated by a possessive weekday: "Wednesday’s attack by gunmen ... in Jos"', () => {
  const events = eventsOf('Wednesday’s attack by gunmen on the village of Jos killed six people, police said.');
  assert.deepEqual(events.map(brief), ['2024-03-06 Attack Jos 6']);
});

/** Sentences that report nothing, to make a text an article (more than six sentences). */
const FILLER = ' The region has seen years of unrest. Aid agencies have asked for more funding. Officials met in the capital to discuss the budget. Schools in the area reopened last month. Prices of food have risen sharply.';

test('a surrender beside the day\'s fighting is an event of its own (Strategic developments)', () => {
  const text = 'Rebels attacked an army post in Jalalabad on Wednesday, killing four soldiers, officials said. Dozens of Taliban fighters surrendered to the army on Wednesday night, a commander said.' + FILLER;
  const events = eventsOf(text);
  assert.deepEqual(events.map((e) => `${e.event_type} ${e.location} ${e.event_date}`).sort(), ['Battles Jalalabad 2024-03-06', 'Strategic developments Jalalabad 2024-03-06']);
  // A ceasefire or talks named as in force are no agreement made.
  const standing = eventsOf('Rebels attacked an army post in Jalalabad on Wednesday, killing four soldiers, officials said. The attack came in defiance of a ceasefire agreed in Doha.' + FILLER);
  assert.deepEqual(standing.map((e) => e.event_type), ['Battles']);
  // Nor is a surrender no party to the conflict is told making.
  const noParty = eventsOf('Rebels attacked an army post in Jalalabad on Wednesday, killing four soldiers, officials said. On Wednesday the minister urged the world not to surrender to despair.' + FILLER);
  assert.deepEqual(noParty.map((e) => e.event_type), ['Battles']);
});

test('an event whose sentence names no town is placed by the sentence just before it that sets the scene', () => {
  const text = 'Rebels attacked a checkpoint in Kabul last year. Reporters reached the village of Baghuz on Saturday. Over the weekend, Isis militants emerged from tunnels, surrendering to the Syrian Democratic Forces.' + FILLER;
  const events = eventsOf(text);
  assert.deepEqual(events.map((e) => [e.sub_event_type, e.location, e.event_date]), [['Agreement', 'Baghuz', '2024-03-02']]);
  // A sentence reporting an event of its own does not set another's scene.
  const other = eventsOf('Rebels attacked a checkpoint in Kabul last year. Officials discussed the attack on Baghuz. Over the weekend, Isis militants emerged from tunnels, surrendering to the Syrian Democratic Forces.' + FILLER);
  assert.ok(!other.some((e) => e.location === 'Baghuz'), other.map(brief).join('; '));
});

test('"about to", "refuse to": what a party is about to do or refuses to do is no event', () => {
  const about = eventsOf('The rebel group, which is about to sign a peace agreement with the government, met in Jalalabad on Tuesday.' + FILLER);
  assert.ok(!about.some((e) => e.sub_event_type === 'Agreement'), about.map(brief).join('; '));
  const refuse = eventsOf('In Anbar province, armed tribesmen refuse to surrender their weapons on Tuesday, fearing militias.' + FILLER);
  assert.ok(!refuse.some((e) => e.sub_event_type === 'Agreement'), refuse.map(brief).join('; '));
});

test('the scene set two sentences before an event, in a sentence that reports nothing, places it', () => {
  // The first sentences report nothing (out of the scope read for events): their places are still
  // read as the scene of the event told just after them.
  const text = 'Prices of food have risen sharply. Inside the stadium in Melbourne, fans sang for hours. Many waved flags of their home towns. Before the match, community leaders and activists staged a protest outside the stadium against the government.' + FILLER;
  const events = eventsOf(text);
  assert.deepEqual(events.map((e) => [e.sub_event_type, e.location]), [['Peaceful protest', 'Melbourne']]);
  // Three sentences back sets no scene.
  const far = eventsOf('Inside the stadium in Melbourne, fans sang for hours. Prices of food have risen sharply. Many waved flags of their home towns. Before the match, community leaders and activists staged a protest outside the stadium against the government.' + FILLER);
  assert.ok(!far.some((e) => e.location === 'Melbourne'), far.map(brief).join('; '));
});

test('the scene is read only for an event that asks for it, and only its own sentences (Doc.scenePlacesIn)', () => {
  // (The extractor's geoparser is the one loadGeoparser keeps for these options: its reads are counted.)
  const geoparser = loadGeoparser({ demonyms: true });
  const parse = geoparser.parseWithCues;
  const reads: (readonly [number, number][] | undefined)[] = [];
  geoparser.parseWithCues = (text, o) => {
    reads.push(o?.ranges);
    return parse(text, o);
  };
  try {
    const scene = 'Inside the stadium in Melbourne, fans sang for hours. Many waved flags of their home towns. ';
    // Placed in its own sentence: the sentences out of scope before it are not read.
    const placed = eventsOf(scene + 'On Monday, community leaders staged a protest in Sydney against the government.' + FILLER);
    assert.deepEqual(placed.map((e) => e.location), ['Sydney']);
    assert.equal(reads.length, 1, 'the sentences in scope only');
    // Placed nowhere in its own: the two sentences before it are read, they alone.
    reads.length = 0;
    const text = scene + 'Before the match, community leaders and activists staged a protest outside the stadium against the government.' + FILLER;
    assert.deepEqual(eventsOf(text).map((e) => e.location), ['Melbourne']);
    assert.equal(reads.length, 2);
    assert.deepEqual(reads[1], [[0, scene.indexOf(' Many')], [scene.indexOf('Many'), scene.length - 1]]);
  } finally {
    geoparser.parseWithCues = parse;
  }
});

test('the toll of a whole war ("in a brutal six-year conflict") is no event of the day', () => {
  const events = eventsOf('An estimated 400,000 people have been killed and millions displaced in a brutal six-year conflict, officials say. On Monday, gunmen killed three villagers in Maiduguri, police said.' + FILLER);
  assert.deepEqual(events.map(brief), ['2024-03-04 Attack Maiduguri 3']);
  const u = 'Thousands have died during the seven-year-long civil war, and aid has dwindled.';
  assert.deepEqual(cumulativeClause(u), [0, u.indexOf(',')]);
});

test('a territory word after a plural word for places says which places, not that they changed hands', () => {
  const described = eventsOf('Aid workers are busy in Raqqa and other towns recaptured from Isis, officials said on Monday.' + FILLER);
  assert.ok(!described.some((e) => e.event_type === 'Battles'), described.map(brief).join('; '));
  const relative = eventsOf('The Kurdish fighters run the areas they have liberated from Isis in Raqqa, a spokesman said on Monday.' + FILLER);
  assert.ok(!relative.some((e) => e.event_type === 'Battles'), relative.map(brief).join('; '));
  // Counted places are told places.
  const counted = eventsOf('On Monday, the army said three villages recaptured from Isis near Raqqa were safe.' + FILLER);
  assert.ok(counted.some((e) => e.sub_event_type === 'Government regains territory'), counted.map(brief).join('; '));
});

test('"weeks away from capturing": what a party is close to doing is no event', () => {
  const events = eventsOf('The defence secretary said on Monday the Syrian Democratic Forces were weeks away from capturing Baghuz.' + FILLER);
  assert.ok(!events.some((e) => e.event_type === 'Battles'), events.map(brief).join('; '));
});

test('a place named in a comparison ("not seen even in the battles for Mosul") is not where the event happened', () => {
  const text = 'Isis fighters clashed with the Syrian Democratic Forces on Saturday, at a tempo not seen even in the major battles for the cities of Mosul and Raqqa. Fighters in Baghuz said the jihadists were trapped. Reporters in Baghuz heard the fighting. Baghuz is the group\'s last redoubt.' + FILLER;
  const events = eventsOf(text);
  assert.ok(events.length > 0 && !events.some((e) => e.location === 'Mosul' || /Raqqa/.test(e.location)), events.map(brief).join('; '));
});

test('a bracketed citation of a published piece ("(Hostage is alive, 6 February)") tells no event of the text', () => {
  const text = 'The Kurdish forces have never sought to topple the government, contrary to your report (Rebels kidnapped aid worker in Raqqa, says ministry, 6 February). They want autonomy.';
  const events = eventsOf(text);
  assert.deepEqual(events.map(brief), []);
  assert.deepEqual(citations('As argued (Opinion, 4 January), the war is lost.'), [[10, 30]]);
  // A bracket with no day of publication is no citation.
  assert.deepEqual(citations('Rebels (backed by Turkey, officials say) attacked Afrin.'), []);
});

test('"such suggestions as assassinating", "either surrender or die": examples and alternatives are no events', () => {
  const ideas = eventsOf('On Thursday the minister blocked such preposterous suggestions as assassinating the governor of Kandahar.' + FILLER);
  assert.ok(!ideas.some((e) => e.event_type === 'Violence against civilians' || e.event_type === 'Battles'), ideas.map(brief).join('; '));
  const either = eventsOf('On Tuesday, a commander in Raqqa said the foreign fighters have two choices: either surrender or die.' + FILLER);
  assert.ok(!either.some((e) => e.sub_event_type === 'Agreement'), either.map(brief).join('; '));
});

test('deaths of want or illness ("died because of a lack of medical care") are no conflict fatalities', () => {
  const killed = (text: string) => extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } }).doc.figures.filter((f) => f.kind === 'killed').map((f) => f.value);
  assert.deepEqual(killed('At least 15 children have died in Syria because of a lack of medical care, the UN said.'), []);
  assert.deepEqual(killed('Four displaced children died of hypothermia in the camp on Monday.'), []);
  // Deaths of violence stay, whatever else the sentence says.
  assert.deepEqual(killed('On Monday, gunmen killed three villagers in Maiduguri because of a land dispute, police said.'), [3]);
});

test('an event told over two days ("last Wednesday and Thursday") is one event a day, its dead shared', () => {
  const events = eventsOf('Officials said on Friday that 11 soldiers were killed when rebels clashed with the army last Wednesday and Thursday near Jalalabad.' + FILLER);
  assert.deepEqual(events.map((e) => `${e.event_date} ${e.sub_event_type} ${e.fatalities}`), ['2024-03-06 Armed clash 6', '2024-03-07 Armed clash 5']);
  // A day alone is one event.
  const one = eventsOf('Officials said on Friday that 11 soldiers were killed when rebels clashed with the army last Wednesday near Jalalabad.' + FILLER);
  assert.deepEqual(one.map((e) => `${e.event_date} ${e.fatalities}`), ['2024-03-06 11']);
});

/** Six sentences that report nothing: with one more, a text is read as an article (scope set). */
const ARTICLE_FILLER = `${FILLER} The rainy season starts in June.`;

test('a day said inside a quotation dates what the quotation tells, not an event told outside it', () => {
  // The speaker's "this morning" is when the minister spoke; the attack outside the quotation has no day.
  const outside = eventsOf('“The minister is telling everyone the war is won this morning,” said Jane Roe, an analyst at the Lagos Institute, who pointed out that militants had claimed an attack in Bauchi only minutes earlier.' + ARTICLE_FILLER);
  assert.deepEqual(outside.map(brief), []);
  // Inside the same quotation, the day is the event's.
  const inside = eventsOf('“Gunmen attacked the market in Bauchi this morning,” a police spokesman said.' + ARTICLE_FILLER);
  assert.deepEqual(inside.map(brief), ['2024-03-08 Attack Bauchi 0']);
  // A quoted phrase beside a dated event leaves the event its day.
  const phrase = eventsOf('Militants attacked the market in Bauchi on Monday, in what the governor called “a cowardly assault”.' + ARTICLE_FILLER);
  assert.deepEqual(phrase.map(brief), ['2024-03-04 Attack Bauchi 0']);
});

test('quotations: spans between opening and closing marks, stray marks ignored', async () => {
  const { quotations } = await import('../../src/locales/en/quotations.js');
  const t = 'He said “we left” and "they stayed”. A stray ” mark.';
  assert.deepEqual([...quotations(t)], [t.indexOf('“'), t.indexOf('left”') + 5, t.indexOf('"'), t.indexOf('stayed”') + 7]);
  assert.deepEqual([...quotations('An opening “ mark never closed.')], []);
});

test('what a gathering commemorates happened before the day of the gathering', () => {
  // The volunteer was killed months before the memorial of Friday: no event of Friday.
  const memorial = eventsOf('Hundreds of mourners gathered in a hall in Leeds on Friday to celebrate the life of a British volunteer killed fighting Islamic State in Raqqa.' + ARTICLE_FILLER);
  assert.deepEqual(memorial.map(brief), []);
  // The remembered event with a day of its own is an event of that day.
  const funeral = eventsOf('Mourners gathered on Friday for the funeral of a soldier killed in an ambush in Helmand on Tuesday.' + ARTICLE_FILLER);
  assert.deepEqual(funeral.map((e) => `${e.event_date} ${e.location}`), ['2024-03-05 Lashkar Gah'], 'Helmand named alone: its seat');
  // The commemorating event itself stays: a march in memory of someone.
  const march = eventsOf('Protesters marched in Khartoum on Monday in memory of a demonstrator killed by police.' + ARTICLE_FILLER);
  assert.deepEqual(march.map(brief), ['2024-03-04 Peaceful protest Khartoum 0']);
});

test('backgroundClause: a commemoration phrase runs to the next comma, or as a subject to its verb', () => {
  const s = 'Mourners gathered on Friday to celebrate the life of a volunteer killed fighting Isis in Syria.';
  assert.deepEqual(backgroundClause(s), [s.indexOf('celebrate'), s.length]);
  const t = 'Police fired on the funeral of a protester killed on Sunday, killing two.';
  assert.deepEqual(backgroundClause(t), [t.indexOf('the funeral'), t.indexOf(',')]);
  const u = 'The funeral of a councillor was disrupted by clashes between rival supporters.';
  assert.deepEqual(backgroundClause(u), [0, u.indexOf('was')]);
});

test('mayCommemorate: a sentence with a commemoration phrase holds one of its words; one without is not read for it', () => {
  // One invented sentence per kind of phrase, in ordinary case and in capitals.
  const phrases = [
    'Crowds gathered on Friday to honour the memory of a teacher shot in the market.',
    'Friends met to mourn the deaths of two fishermen.',
    'A march was held in remembrance of the villagers.',
    'Police fired on the funerals for three protesters.',
    'Hundreds attended a memorial service for the victims.',
    'Students held a vigil for the missing reporter.',
    'Crowds marked the anniversary of the massacre.',
    'Veterans attended the commemoration of the battle.',
  ];
  for (const text of [...phrases, ...phrases.map((p) => p.toUpperCase())]) {
    const { doc } = extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } });
    const s = doc.sentences[0]!;
    assert.ok(backgroundClause(doc.slice(s)) !== null, text);
    assert.ok(mayCommemorate(doc.tokens, s.firstToken, s.endToken), text);
  }
  // Without one of its words, no phrase: the sentence is not scanned for one.
  const { doc } = extractor.extract({ text: 'Mourners gathered in the square on Friday after the attack.', date: '2024-03-08', origin: { file: 'inline' } });
  const s = doc.sentences[0]!;
  assert.equal(mayCommemorate(doc.tokens, s.firstToken, s.endToken), false);
  assert.equal(backgroundClause(doc.slice(s), false), backgroundClause(doc.slice(s)));
});

test('a town named as a far reference point ("200 km north of the capital, Bamako") is not the event\'s place', () => {
  const far = eventsOf('Gunmen killed five farmers on Saturday in a village 200 km north of the capital, Bamako, officials said.');
  assert.deepEqual(far.map((e) => [e.country, e.location, e.geo_precision, e.fatalities]), [['Mali', 'Mali', 3, 5]]);
  const miles = eventsOf('Militants ambushed a convoy on Sunday some 150 miles from Niamey, killing 12 soldiers.');
  assert.deepEqual(miles.map((e) => [e.country, e.geo_precision]), [['Niger', 3]]);
  // Near enough, the town places the event, as ACLED's notes code an unknown village by the town it lies near.
  const near = eventsOf('Gunmen killed five farmers on Saturday in a village 30 km north of Bamako, officials said.');
  assert.deepEqual(near.map((e) => [e.location, e.geo_precision]), [['Bamako', 2]]);
  // A town the sentence names keeps the event; the far one only measures how far it is from the capital.
  const named = eventsOf('Gunmen killed five farmers on Saturday in Gao, 1,200 km north-east of the capital, Bamako.');
  assert.deepEqual(named.map((e) => e.location), ['Gao']);
});

test('farBefore: a distance beyond the bound before a direction or "from"', async () => {
  const { farBefore } = await import('../../src/locales/en/near-place.js');
  const at = (text: string, name: string) => farBefore(text, text.indexOf(name));
  assert.equal(at('a village 200 km north of the capital, Bamako', 'Bamako'), true);
  assert.equal(at('a crossroads some 180 kilometres from San Salvador', 'San Salvador'), true);
  assert.equal(at('located 60 km away from Bambari', 'Bambari'), false);
  assert.equal(at('a town 2,5 km from Kati', 'Kati'), false);
  assert.equal(at('1,500 km south of Moscow', 'Moscow'), true);
  assert.equal(at('north of Idlib', 'Idlib'), false);
});

test("a work's story (\"In the film, rebels storm the capital\") and its battle scenes are no events", () => {
  const film = eventsOf(
    'The new film from the acclaimed director opens in cinemas this week. In the film, rebels storm the capital and kill the president before the army strikes back. Critics have praised its battle scenes. The novel follows a soldier who deserts after a massacre.',
  );
  assert.deepEqual(film, []);
  // A series of attacks is no television series.
  const series = eventsOf('In the series of attacks on Monday, gunmen killed six villagers in Zamfara.');
  assert.deepEqual(series.map(brief), ['2024-03-04 Attack Gusau 6']);
});

test('tellsDepiction: an opener or a telling verb with a work', async () => {
  const { tellsDepiction } = await import('../../src/locales/en/depiction.js');
  assert.equal(tellsDepiction('In the film, rebels storm the capital.'), true);
  assert.equal(tellsDepiction('Later in the novel, the hero kills his brother.'), true);
  assert.equal(tellsDepiction('The new series portrays a family hiding from militias.'), true);
  assert.equal(tellsDepiction("Spielberg's latest movie follows a sniper in Falluja."), true);
  assert.equal(tellsDepiction('In the series of raids, police arrested 40 people.'), false);
  assert.equal(tellsDepiction('The film-maker was shot dead in Kabul.'), false);
  assert.equal(tellsDepiction('Protesters gathered outside the cinema showing the film.'), false);
});

test('"The attack comes a week after ..." links an event told elsewhere to an earlier one: no event of its own', () => {
  const alone = eventsOf('Officials said security had been tightened across the north. The attack comes a week after 12 people died in a car bombing in Kirkuk. Residents said they feared more violence.');
  assert.deepEqual(alone.map(brief), []);
  // Told before, the attack is the text's event, once.
  const told = eventsOf('On Tuesday, a suicide bomber killed five people in Kirkuk. This latest bombing comes days after an attack in Tikrit.');
  assert.deepEqual(told.map(brief), ['2024-03-05 Suicide bomb Kirkuk 5']);
});

test('linksToEarlier: a short subject before "comes/follows ... after"', async () => {
  const { linksToEarlier } = await import('../../src/locales/en/time-reference.js');
  assert.equal(linksToEarlier('The attack comes a week after 12 people died in Kirkuk.'), true);
  assert.equal(linksToEarlier("Sunday's bombing came just days after a string of attacks on markets."), true);
  assert.equal(linksToEarlier('Gunmen killed four people in Jos on Sunday, a week after 12 people died in Bauchi.'), false);
  assert.equal(linksToEarlier('The attack on the market in Jos that killed four people comes a week after a raid.'), false);
});

test('a thing to be done ("checkpoints would be set up", "a curfew will be imposed") is no event', () => {
  const events = eventsOf('The interior ministry said on Monday that new checkpoints would be set up on the main roads into Kirkuk and a curfew will be imposed.');
  assert.deepEqual(events.map(brief), []);
  // Those killed will be buried: the killing happened.
  const buried = eventsOf('Gunmen killed four people in Jos on Sunday. Those killed will be buried on Tuesday.');
  assert.deepEqual(buried.map(brief), ['2024-03-03 Attack Jos 4']);
});

test('a part of a cumulative toll told with its own day and place is the event\'s figure ("including 12 who died in Konduga on Friday")', () => {
  const part = eventsOf('More than 50 people have been killed in attacks across Borno over the past month, including 12 who died in an attack on Konduga on Friday.');
  assert.deepEqual(part.map((e) => [e.event_date, e.location, e.fatalities]), [['2024-03-08', 'Konduga', 12]]);
  // With no larger figure before it, "including" counts what it says.
  const alone = eventsOf('Gunmen attacked Konduga on Friday, including 12 who died.');
  assert.deepEqual(alone.map((e) => e.fatalities), [12]);
  // A part of a counted whole is not added to it.
  const whole = eventsOf('Gunmen killed 20 people in Konduga on Friday, including 12 children.');
  assert.deepEqual(whole.map((e) => e.fatalities), [20]);
});

test('a site named like a far town of the same country ("a rally in Hyde Park" in a story from Sydney) is a site of the story\'s town', () => {
  const events = eventsOf(
    'SYDNEY - Thousands of people marched through central Sydney on Saturday against the new protest law. Police arrested 30 protesters at the rally in Hyde Park after scuffles broke out.',
  );
  assert.deepEqual(events.map((e) => [e.sub_event_type, e.admin1, e.location]), [['Protest with intervention', 'New South Wales', 'Sydney']]);
});

test("an editor's note or a correction tells of the article, not of events", () => {
  const events = eventsOf("Editor's note: An earlier version of this article said that 30 people were killed in the attack in Kano. Gunmen attacked a market in Kano on Friday, killing 13 people.");
  assert.deepEqual(events.map(brief), ['2024-03-08 Attack Kano 13']);
});

test("a building named for a saint (\"St George's church\") is no town of the saint's name", () => {
  const events = eventsOf("Gunmen opened fire on worshippers outside St George's church in Alexandria on Friday, killing two people, officials said.");
  assert.deepEqual(events.map((e) => [e.country, e.location, e.fatalities]), [['Egypt', 'Alexandria', 2]]);
});

test('editorNote: openers and phrases', async () => {
  const { editorNote } = await import('../../src/locales/en/editor-note.js');
  assert.equal(editorNote("Editor's note: this story was updated."), true);
  assert.equal(editorNote('Correction: the attack took place on Friday, not Thursday.'), true);
  assert.equal(editorNote('This article was amended on 3 May 2024 to correct the death toll.'), true);
  assert.equal(editorNote('Police made a correction to the toll on Monday, saying 13 people died.'), false);
  // (An opener needs its own punctuation after it: "Correction officers" open no note.)
  assert.equal(editorNote('Correction officers attacked a prison guard in Kano on Friday.'), false);
});

/** An article of `n` filler sentences that report nothing, to put a sentence deep in the text. */
function filler(n: number): string {
  return Array.from({ length: n }, (_, i) => `Officials met for the ${['first', 'second', 'third', 'fourth', 'fifth', 'sixth'][i % 6]} round of talks on the budget, a spokesman said.`).join(' ');
}

test('undated dead deep in an article are background; in its opening they are the news of the day', () => {
  const opening = 'Gunmen shot dead six worshippers at a mosque in Kaduna, police said. ' + filler(10);
  assert.deepEqual(eventsOf(opening).map((e) => [e.location, e.fatalities]), [['Kaduna', 6]]);
  const deep = 'Officials met in Abuja to discuss the budget. ' + filler(6) + ' In Kaduna, gunmen shot dead six worshippers at a mosque. ' + filler(4);
  assert.deepEqual(eventsOf(deep).map(brief), []);
  // (With its own day, the same killing is an event wherever it is told.)
  const dated = 'Officials met in Abuja to discuss the budget. ' + filler(6) + ' In Kaduna, gunmen shot dead six worshippers at a mosque on Tuesday. ' + filler(4);
  assert.deepEqual(eventsOf(dated).map(brief), ['2024-03-05 Attack Kaduna 6']);
});

test('a wire report filed from no known place ("NO CITY (COLOMBIA), 26 SEP 89 --") is a wire report: its undated events are the news', async () => {
  const { opensWithDateline } = await import('../../src/locales/en/dateline.js');
  assert.equal(opensWithDateline('NO CITY (COLOMBIA), 26 SEP 89 -- [TEXT] THE PACT WAS SIGNED TODAY.'), true);
  assert.equal(opensWithDateline('No city, no date (FBIS) -- [Editorial report] [Text] Police said.'), true);
  assert.equal(opensWithDateline('No city officials said - nothing.'), false);
});

test('deep in an article, an undated verb in the present progressive ("is fighting") tells an ongoing state, not an event', () => {
  // (Read as an event, the ongoing war would join the day's killing and make it a clash with Boko Haram.)
  const text = 'On Monday, gunmen killed three villagers in Maiduguri, police said. ' + filler(4) + ' The army is fighting Boko Haram militants in Borno state, where the group has its bases. ' + filler(3);
  assert.deepEqual(eventsOf(text).map((e) => [e.sub_event_type, e.actor2, e.location, e.fatalities]), [['Attack', 'Civilians (Nigeria)', 'Maiduguri', 3]]);
});

test('damage told in the passive as suffered in the attack already told is the attack\'s, not a crowd\'s riot', () => {
  const text = 'Gunmen opened fire on worshippers at a church in Kaduna on Sunday, killing four people, police said. The church was badly damaged in the attack. Worshippers fled into nearby fields.';
  assert.deepEqual(eventsOf(text).map((e) => [e.sub_event_type, e.actor1, e.location, e.fatalities]), [['Attack', 'Unidentified Armed Group (Nigeria)', 'Kaduna', 4]]);
  // (A crowd's own damage is still its riot.)
  const riot = eventsOf('A mob attacked a police station in Kaduna on Sunday and set fire to two cars, police said. The station was badly damaged in the attack.');
  assert.deepEqual(riot.map((e) => e.sub_event_type), ['Mob violence']);
});

test('an event word in a gerund after "about", "against" or "than" is an idea, not an event', () => {
  assert.deepEqual(eventsOf('The president tweeted on Thursday about firing missiles into the country and clashing with Russia.').map(brief), []);
  assert.deepEqual(eventsOf('The minister warned Kurdish activists in Diyarbakir against staging protests on Thursday.').map(brief), []);
  assert.deepEqual(eventsOf('Residents of Idlib said on Thursday that they were more afraid of prison than getting bombed.').map(brief), []);
  // Not a noun with its "of", not an adjective after "against", not another preposition.
  assert.deepEqual(eventsOf('Residents complained on Thursday about shelling of Idlib by government forces, which killed three people.').map((e) => e.location), ['Idlib']);
  assert.equal(eventsOf('On Thursday police in Harar fired live bullets against protesting students, wounding three.').length, 1);
  assert.deepEqual(eventsOf('Gunmen killed five villagers in Maiduguri on Thursday after firing on a crowd.').map(brief), ['2024-03-07 Attack Maiduguri 5']);
});

test('a capital joined to "-led" or "-backed", or told to act, stands for its government, not the place of the fighting', () => {
  const led = eventsOf('On Thursday airstrikes by a Riyadh-led coalition killed six civilians in Hodeidah.');
  assert.deepEqual(led.map((e) => e.location), ['Hodeidah']);
  const told = eventsOf('On Thursday the White House called on Ankara to halt the offensive, as Turkish troops fought Kurdish militias in Afrin, where 12 fighters died.');
  assert.deepEqual(told.map((e) => e.location), ['Afrin']);
});

test('a participle after a noun for a person says who died, not what happened: "a soldier fighting against Isis has died in an explosion"', () => {
  const events = eventsOf('A British soldier fighting against Islamic State has died in an explosion in Manbij, the Ministry of Defence said on Thursday.');
  assert.deepEqual(events.map((e) => e.event_type), ['Explosions/Remote violence']);
});

test('"the dangers of a clash", "the prospect of an offensive" are no events', () => {
  assert.deepEqual(eventsOf('Russian analysts warned on Thursday of the dangers of a military clash with the United States in Syria.').map(brief), []);
  assert.deepEqual(eventsOf('Residents of Idlib feared on Thursday the prospect of an offensive by government forces.').map(brief), []);
});

test('leaders who "clashed publicly" quarrelled: no armed clash', () => {
  assert.deepEqual(eventsOf('The two presidents clashed publicly on Thursday in Tehran over the future of the region.').map(brief), []);
});

test('a word of territory changing hands used as an adjective describes a place: "the now liberated city"', () => {
  assert.deepEqual(eventsOf('Residents returned on Thursday to the recently recaptured town of Palmyra.').map((e) => e.sub_event_type), []);
  assert.deepEqual(eventsOf('On Thursday government forces recaptured the town of Palmyra from Isis.').map((e) => e.sub_event_type), ['Government regains territory']);
});

test('"the previous month" and "the preceding week" date an event as "last month" and "last week" do', () => {
  assert.deepEqual(eventsOf('He had spent the previous month fighting Isis in Raqqa.').map((e) => `${e.event_date} ${e.time_precision}`), ['2024-02-15 3']);
  assert.deepEqual(eventsOf('The preceding week, soldiers clashed with militants in Bauchi.').map((e) => `${e.event_date} ${e.time_precision}`), ['2024-02-29 2']);
});

test('what a volunteer says "in case" he is killed is no event', () => {
  assert.deepEqual(eventsOf('On Thursday the militia released a video he recorded in Raqqa in case he was killed.').map(brief), []);
});

test('what would happen "in the event of" an attack is no event, however many words the attack has before it', () => {
  assert.deepEqual(eventsOf('Tehran said on Thursday it would stand by Damascus in the event of a US-led strike.').map(brief), []);
  assert.deepEqual(eventsOf('The minister met the president in Damascus on Thursday in the event of an attack.').map(brief), []);
  // Still an event when the cue stands far before the event, outside its phrase.
  assert.deepEqual(eventsOf('In the event of rain the market would close, and on Tuesday gunmen killed three traders in Jos.').map(brief), ['2024-03-05 Attack Jos 3']);
});

test('a military or retaliatory strike is no labour strike', () => {
  const military = eventsOf('Residents fled their homes in Homs on Tuesday after a retaliatory strike by the army.');
  assert.equal(military.length, 1);
  assert.notEqual(military[0]!.event_type, 'Protests');
  assert.deepEqual(eventsOf('Teachers went on strike in Nairobi on Monday.').map((e) => e.sub_event_type), ['Peaceful protest']);
});

test('a city of several hundred thousand people is known by its name, wherever the story is', () => {
  // (Invented: Manchester, England, has 400,000 people and many small namesakes in the United States; the story is
  // about Syria, and Manchester is no unknown Syrian place.)
  const events = eventsOf('Protesters blocked the station in Manchester on Sunday in support of Afrin in northern Syria.');
  assert.deepEqual(events.map((e) => `${e.location} ${e.country}`), ['Manchester United Kingdom']);
});

test('namedEvents: an event named by its place ("the Manchester attack") is a known, earlier one', () => {
  const sentence = 'She said she had regrets about the Manchester attack and the Salisbury nerve agent attack.';
  const at = (name: string): [number, number] => [sentence.indexOf(name), sentence.indexOf(name) + name.length];
  assert.deepEqual(namedEvents(sentence, [at('Manchester'), at('Salisbury')]).map(([a, b]) => sentence.slice(a, b)), ['the Manchester attack', 'the Salisbury nerve agent attack']);
  // Not a place after another word, nor one that names no event after it.
  const other = 'Gunmen attacked a bus in Manchester and the Salisbury council met.';
  assert.deepEqual(namedEvents(other, [[other.indexOf('Manchester'), other.indexOf('Manchester') + 10], [other.indexOf('Salisbury'), other.indexOf('Salisbury') + 9]]), []);
});

test('a missile destroyer, missile launchers moved or a missile test fire no missile', () => {
  assert.deepEqual(eventsOf('Iranian forces held a missile test near Tabriz on Tuesday.').map(brief), []);
  assert.notDeepEqual(eventsOf('Russian forces deployed a guided missile destroyer off Tartus on Tuesday.').map((e) => e.sub_event_type), ['Shelling/artillery/missile attack']);
  assert.deepEqual(eventsOf('Rebels fired a missile at Marib on Tuesday.').map((e) => e.sub_event_type), ['Shelling/artillery/missile attack']);
});

test('a modal reaches a verb coordinated with its own: "would shoot down missiles and attack the platforms"', () => {
  assert.deepEqual(eventsOf('Russian commanders said on Monday that Russia would shoot down incoming missiles and attack their launching platforms in Syria.').map(brief), []);
  assert.deepEqual(eventsOf('The army said troops could storm Kuje on Monday or shell the town.').map(brief), []);
  // Not a negation, nor a verb told plainly after a coordinator.
  assert.deepEqual(eventsOf('Gunmen stormed the village of Kuje on Monday and killed four farmers.').map(brief), ['2024-03-04 Attack Kuje 4']);
});

test('a purpose of helping or joining a fight is intent: "travelled to Syria to help in the liberation of Raqqa"', () => {
  assert.deepEqual(eventsOf('Hall travelled to Syria in August to help in the liberation of Raqqa from Islamic State.').map(brief), []);
  assert.deepEqual(eventsOf('He went to Iraq in May to join the fight against Islamic State in Mosul.').map(brief), []);
});

test('an indefinite event as the subject of a modal is hypothetical: "a major assault on the enclave would lead to a catastrophe"', () => {
  assert.deepEqual(eventsOf('General Dunford warned on Tuesday that a major military assault on the rebel-held enclave of Idlib would lead to a humanitarian catastrophe.').map(brief), []);
  assert.deepEqual(eventsOf('An offensive on Afrin by Turkish forces might cause a wave of refugees, officials said on Monday.').map(brief), []);
  // Told as having happened: a finite verb before the modal, or no modal at all.
  assert.deepEqual(eventsOf('A car bomb in Kirkuk on Monday killed three people and could be heard across the city.').map(brief), ['2024-03-04 Remote explosive/landmine/IED Kirkuk 3']);
  assert.deepEqual(eventsOf('An attack on a checkpoint in Kano on Monday killed three soldiers.').map(brief), ['2024-03-04 Armed clash Kano 3']);
});

test('chemical weapons made, tested or named as a thing are no attack; a crisis defused is no bomb', () => {
  assert.deepEqual(eventsOf('The UK claims Russia tested nerve agent on door handles in Moscow last month.').map(brief), []);
  assert.deepEqual(eventsOf('Britain approved exports of chemical weapon precursors to Damascus on Monday, MPs said.').map(brief), []);
  assert.deepEqual(eventsOf('Talks in Ankara on Tuesday on how to defuse the crisis in Idlib were not going well.').map(brief), []);
  assert.deepEqual(eventsOf('Police defused a bomb in a market in Kano on Tuesday.').map(brief), ['2024-03-05 Disrupted weapons use Kano 0']);
});

test('an event word named with a duration of months or more is a long campaign, not an event of a day', () => {
  assert.deepEqual(eventsOf('The four-year battle has destroyed much of Raqqa, officials said on Monday.').map(brief), []);
  assert.deepEqual(eventsOf('Ankara has fought a four-decade civil war with the PKK, Erdogan said in Ankara on Tuesday.').map(brief), []);
  // A battle of days is coded; an age is no duration; a verb stands between.
  assert.deepEqual(eventsOf('A three-day battle for Kuje ended on Sunday with 40 dead.').map(brief), ['2024-03-03 Armed clash Kuje 40']);
  assert.deepEqual(eventsOf('Gunmen killed a two-year-old girl in Kano on Monday.').map(brief), ['2024-03-04 Attack Kano 1']);
  assert.deepEqual(eventsOf('A two-year was shot in the neck in Kisumu on Monday.').map((e) => e.sub_event_type), ['Attack']);
});

test('a group named for what it does tells no event: "a torture and murder cell", "a kidnapping gang", "the bomb squad"', () => {
  assert.deepEqual(eventsOf('Relatives of the victims of an Islamic State torture and murder cell known as the Beatles spoke in London on Friday.').map(brief), []);
  assert.deepEqual(eventsOf('Police in Lagos said on Monday they had broken up a kidnapping gang.').map(brief), []);
  assert.deepEqual(eventsOf('The bomb squad was called to a school in Leeds on Monday.').map(brief), []);
  assert.deepEqual(eventsOf('The SNC made its boycott decision in Vienna on Friday night.').map(brief), []);
  // A verb coordinated with another keeps its sense; a cell of a prison is no group.
  assert.deepEqual(eventsOf('On 16 January 2020, students in Markala demonstrated and demanded the resumption of classes.').map((e) => e.sub_event_type), ['Peaceful protest']);
  assert.deepEqual(eventsOf('A bomb exploded in a cell block of Kano prison on Monday.').map((e) => e.sub_event_type), ['Remote explosive/landmine/IED']);
});

test('a speaker\'s ongoing struggle is no event of a day: "the enemy we\'re fighting", "we are fighting for our land"', () => {
  assert.deepEqual(eventsOf('My concern is the enemy we’re fighting in Manbij, Graham said on Wednesday.').map(brief), []);
  assert.deepEqual(eventsOf('We are fighting for our land in Afrin, a commander said on Monday.').map(brief), []);
  // Told of others, or in the past: an event.
  assert.deepEqual(eventsOf('We fought the rebels in Goma on Monday, a commander said.').map(brief), ['2024-03-04 Armed clash Goma 0']);
  assert.deepEqual(eventsOf('Troops are fighting rebels in Goma on Monday.').map(brief), ['2024-03-04 Armed clash Goma 0']);
});

test('an event in one part of a country is not put at a capital that lies in another part: "in north-eastern Syria"', () => {
  const north = eventsOf('Gunmen killed four people in north-eastern Syria on Monday.');
  assert.deepEqual(north.map((e) => [e.country, e.location, e.geo_precision]), [['Syria', 'Syria', 3]]);
  assert.deepEqual(eventsOf('Gunmen killed four people in northern Nigeria on Monday.').map((e) => e.location), ['Nigeria']);
  // The capital lies in the south; a country named alone is coded at its capital.
  assert.deepEqual(eventsOf('Gunmen killed four people in southern Syria on Monday.').map((e) => e.location), ['Damascus']);
  assert.deepEqual(eventsOf('Gunmen killed four people in Syria on Monday.').map((e) => e.location), ['Damascus']);
});

test('a fight named after a participle of gaining or proving describes: "all tested in battle", "areas won in battle"', () => {
  assert.deepEqual(eventsOf('Baghdadi was down to a few dozen loyalists, all tested in battle, officials in Baghuz said on Sunday.').map(brief), []);
  assert.deepEqual(eventsOf('Idlib has been used to rehome people who fled areas won in battle by government forces, officials said on Wednesday.').map(brief), []);
  // A participle of harm tells a battle.
  assert.deepEqual(eventsOf('Two soldiers were killed in battle with al-Shabaab in Kismayo on Monday.').map(brief), ['2024-03-04 Armed clash Kismayo 2']);
});

test('weeks of fighting beside an event, and the toll told of them, are a campaign\'s, not the event\'s', () => {
  assert.deepEqual(eventsOf('Gunmen killed four people in Jos on Sunday after two weeks of clashes.').map(brief), ['2024-03-03 Attack Jos 4']);
  assert.deepEqual(eventsOf('Rebels took control of Kuje on Sunday after more than seven weeks of fighting, which is thought to have claimed up to 250 lives.').map((e) => e.fatalities), [0]);
  assert.deepEqual(cumulativeClause('Rebels took Kuje on Sunday after seven weeks of fighting, which claimed 250 lives, officials said.'), [27, 81]);
});

test('"the battle against Isis" in a sentence naming no day is a campaign, not a fight of the text', () => {
  assert.deepEqual(eventsOf('The SDF, which led the battle against Isis in north-east Syria, said it would form a border force.').map(brief), []);
  assert.deepEqual(eventsOf('The coalition created by the battle against Islamic State in Raqqa has collapsed.').map(brief), []);
  // A day makes it that day's fight.
  assert.deepEqual(eventsOf('The battle against Isis in Hajin killed 20 fighters on Monday.').map(brief), ['2024-03-04 Armed clash Hajin 20']);
});

test('"since" after a superlative is a comparison, not a period counted: "the deadliest attack since 2015 killed 40"', () => {
  assert.deepEqual(eventsOf('The deadliest attack since 2015 killed 40 people in Kabul on Monday.').map(brief), ['2024-03-04 Attack Kabul 40']);
  assert.deepEqual(eventsOf('The worst fighting since March killed 12 soldiers in Marib on Monday.').map(brief), ["2024-03-04 Armed clash Ma'rib 12"]);
  assert.deepEqual(eventsOf('The deadliest attack this year killed 40 people in Kabul on Monday.').map(brief), ['2024-03-04 Attack Kabul 40']);
  assert.deepEqual(eventsOf("Idlib's heaviest strikes since 2015 kill 11").map((e) => e.fatalities), [11]);
  // A period counted: a toll over it, also when the phrase opens the sentence.
  assert.deepEqual(eventsOf('Gunmen have killed 40 people in Kabul since January.').map(brief), []);
  assert.deepEqual(eventsOf('Over the past month, 50 people were killed in Idlib.').map(brief), []);
  assert.deepEqual(eventsOf('Since 2015, 300 people have been killed in Idlib.').map(brief), []);
  // A day named after it makes the figure that day's.
  assert.deepEqual(eventsOf('Over the past week, gunmen killed four people in Jos on Sunday.').map(brief), ['2024-03-03 Attack Jos 4']);
});

test('"violent clashes" are judged by who clashes: armed sides fight a battle, crowds riot', () => {
  assert.deepEqual(eventsOf('Violent clashes between regime forces and rebels in Daraa on Monday.').map((e) => e.sub_event_type), ['Armed clash']);
  assert.deepEqual(eventsOf('Violent clashes erupted between protesters and police in Nairobi on Monday.').map((e) => e.sub_event_type), ['Violent demonstration']);
  assert.deepEqual(eventsOf('Violent clashes broke out between BNP and Awami League supporters in Dhaka on Monday.').map((e) => e.event_type), ['Riots']);
});
