// The bundled fictional sample articles: one per kind of event, and one that reports none.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { AcledEvent } from '../../src/common/event.js';
import { readInputs } from '../../src/ingest/index.js';
import { isIngestError } from '../../src/ingest/types.js';
import { createExtractor } from '../../src/pipeline/index.js';

const extractor = createExtractor();

/** Events of a text given inline, published Wednesday 2024-01-10 (null: no publication date). */
function inlineEvents(text: string, date: string | null = '2024-01-10'): AcledEvent[] {
  return extractor.extract({ text, date: date ?? undefined, origin: { file: 'inline' } }).events;
}
const firstEvent = (text: string, date?: string | null) => inlineEvents(text, date)[0];
const deathCounts = (text: string) => inlineEvents(text).map((e) => e.fatalities);

async function eventsOf(name: string): Promise<AcledEvent[]> {
  const path = fileURLToPath(new URL(`../../samples/articles/${name}`, import.meta.url));
  const out: AcledEvent[] = [];
  for await (const d of readInputs([path], {})) {
    assert.ok(!isIngestError(d));
    out.push(...extractor.extract(d).events);
  }
  return out;
}

test('an army camp repelling a militant raid is one Battles event with all its dead', async () => {
  const [e, ...rest] = await eventsOf('garissa-clash.txt');
  assert.ok(e);
  assert.equal(rest.length, 0, 'the spokesperson speaking on Thursday is not a second event');
  assert.equal(e.sub_event_type, 'Armed clash');
  assert.equal(e.event_date, '2024-03-13');
  assert.deepEqual([e.actor1, e.actor2].sort(), ['Al Shabaab', 'Military Forces of Kenya (2022-)']);
  assert.equal(e.interaction, 12);
  assert.equal(e.fatalities, 5);
  assert.equal(e.country, 'Kenya');
  assert.equal(e.geo_precision, 2, '"near Garissa town"');
});

test('a protest dispersed with tear gas is a Protest with intervention by protesters against police', async () => {
  const [e] = await eventsOf('dhaka-protest.txt');
  assert.ok(e);
  assert.equal(e.event_type, 'Protests');
  assert.equal(e.sub_event_type, 'Protest with intervention');
  assert.equal(e.actor1, 'Protesters (Bangladesh)');
  assert.equal(e.actor2, 'Police Forces of Bangladesh (2009-2024)');
  assert.equal(e.interaction, 16);
  assert.equal(e.fatalities, 0);
  assert.equal(e.location, 'Dhaka');
});

test('air strikes on a town killing civilians are an Air/drone strike with civilians as actor2', async () => {
  const [e] = await eventsOf('idlib-airstrike.txt');
  assert.ok(e);
  assert.equal(e.sub_event_type, 'Air/drone strike');
  assert.equal(e.actor2, 'Civilians (Syria)');
  assert.equal(e.inter2, 7);
  assert.equal(e.fatalities, 6, 'two children are among the six, not added to them');
  assert.equal(e.admin1, 'Idleb', "ACLED's spelling of the governorate");
  assert.equal(e.event_date, '2023-10-01');
  const claim = e.claims.find((c) => c.kind === 'killed');
  assert.match(claim?.reporter ?? '', /rescue workers/);
});

test('an article about a meeting reports no event', async () => {
  assert.deepEqual(await eventsOf('no-event.txt'), []);
});

test('statements, threats and negations are not events', () => {
  const cases = [
    'The group threatened to attack the town if its demands were not met.',
    'Officials said there were no clashes in the area on Monday.',
    'The minister warned that protests would be met with force.',
  ];
  for (const text of cases) {
    const { events } = extractor.extract({ text, date: '2024-01-10', origin: { file: 'inline' } });
    assert.deepEqual(events.map((e) => e.sub_event_type), [], text);
  }
});

test('a report covering two places is one event per place, its dead shared with the remainder to the first', () => {
  const text = 'On Tuesday, police clashed with Al Shabaab militants in Garissa and Mandera, killing five of them.';
  const { events } = extractor.extract({ text, date: '2024-03-08', origin: { file: 'inline' } });
  assert.deepEqual(
    events.map((e) => [e.location, e.fatalities, e.event_date, e.sub_event_type]),
    [
      ['Garissa', 3, '2024-03-05', 'Armed clash'],
      ['Mandera', 2, '2024-03-05', 'Armed clash'],
    ],
  );
  assert.notEqual(events[0]!.event_id, events[1]!.event_id);
  assert.equal(text.slice(events[1]!.evidence.location![0]!.start, events[1]!.evidence.location![0]!.end), 'Mandera');
});

test('ages are not counts, and people named one by one are counted', () => {
  const count = deathCounts;
  assert.deepEqual(count('On Monday, a man and his 12-year-old son were killed by unidentified gunmen in Baragoi, Samburu.'), [2]);
  assert.deepEqual(count('On Monday, a 30-year-old man was shot dead by police in Nairobi.'), [1]);
  assert.deepEqual(count('On Monday, a teacher, a pupil and a guard were killed when gunmen attacked a school in Garissa.'), [3]);
  // A range is still a count.
  assert.deepEqual(count('On Monday, gunmen attacked a village in Lamu, killing 25-30 people.'), [25]);
});

test('an ethnic name that names the region of a place is a place, not a militia', () => {
  const { events } = extractor.extract({ text: 'On Monday, a herder was killed by unidentified gunmen in Baragoi, Samburu.', date: '2024-01-10', origin: { file: 'inline' } });
  assert.equal(events[0]?.actor1, 'Unidentified Armed Group (Kenya)');
  assert.equal(events[0]?.actor2, 'Civilians (Kenya)');
});

test('one person killed is one death, whatever the sentence shape; an earlier killing told as a cause is not', () => {
  const count = deathCounts;
  // Present tense, bare nouns and modifiers (headlines and notes).
  assert.deepEqual(count('Mob kills suspected chicken thief in Kisii.'), [1]);
  assert.deepEqual(count('Mob lynches suspected criminal in Kisii.'), [1]);
  assert.deepEqual(count('On Monday, police shot dead suspected gang leader in Mathare, Nairobi.'), [1]);
  assert.deepEqual(count('On Monday, gunmen shot a trader dead in Mandera.'), [1]);
  assert.deepEqual(count('On Monday, militia raided a village in West Pokot, killing a young boy.'), [1]);
  // The verb's number says it is one: "X was killed", "has been shot dead".
  assert.deepEqual(count('On Monday, the IEBC Coordinator was killed by unidentified assailants in Nanyuki.'), [1]);
  assert.deepEqual(count('On Monday, a ward representative in Homa Bay County has been shot dead by unidentified assailants.'), [1]);
  // Plural objects and subjects, negations and threats are no single death.
  assert.deepEqual(count('Mob kills suspected thieves in Kisii.'), [0]);
  assert.deepEqual(count('On Monday, 100 camels have been killed by bandits in Kitui.'), [0]);
  assert.deepEqual(count('On Monday, gunmen attacked a bus in Lamu. No one was killed in the attack.'), [0]);
  assert.deepEqual(count('On Monday, police shot dead three youths in Dandora, Nairobi.'), [3]);
  // A death nearly caused is none; numbers joined by a slash ("11/04") are a date, not a count.
  assert.deepEqual(count('On Monday, a mob attacked and nearly killed a man in Muthithini, Machakos.'), [0]);
  assert.deepEqual(count('Kenyan police on 11/04 shot dead two al Shabaab suspects in Kwale.'), [2]);
  // A coder's note that a toll belongs to another event.
  assert.deepEqual(count('On Monday, 3 students were killed (coded separately) and police dispersed protesters in Dhaka.'), [0]);
  // The deed that explains a mob's act is not a death in it.
  assert.deepEqual(count('On Monday, residents in Kakamega lynched a man accused of killing his father.'), [1]);
  assert.deepEqual(count('On Monday, a mob in Kirinyaga attacked a man who had allegedly killed his father.'), [0]);
});

test('the agent of a passive verb ("shot dead by the police") acts first', () => {
  const { events } = extractor.extract({ text: 'On Monday, a bread vendor was shot dead by the police in Kigumo, Murang\'a.', date: '2024-01-10', origin: { file: 'inline' } });
  assert.equal(events[0]?.sub_event_type, 'Attack');
  assert.match(events[0]?.actor1 ?? '', /^Police Forces of Kenya/);
  assert.equal(events[0]?.actor2, 'Civilians (Kenya)');
});

test('armed men named right after their group are its members, not another side', () => {
  const suspected = firstEvent('On Monday, suspected Al Shabaab militants attacked a KDF convoy near Elwak, Mandera, killing five soldiers.');
  assert.deepEqual([suspected?.actor1, suspected?.sub_event_type], ['Al Shabaab', 'Armed clash']);
  const e = firstEvent('On Monday, eight Al Shabaab gunmen ambushed a bus near Ijara and killed two passengers.');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.actor1, 'Al Shabaab');
  assert.equal(e?.actor2, 'Civilians (Kenya)');
  // Unnamed gunmen elsewhere in the story are not the named group.
  const other = firstEvent('On Monday, gunmen ambushed a bus near Ijara and killed two passengers.');
  assert.notEqual(other?.actor1, 'Al Shabaab');
});

test('a militia named for a group we do not know is that identity group\'s, and where it came from is not where it struck', () => {
  const e = firstEvent('On Monday, suspected Toposa militia from Sudan attacked Nanan in Turkana West, killing a woman.');
  assert.equal(e?.actor1, 'Toposa Ethnic Militia (Kenya)');
  assert.equal(e?.inter1, 4);
  assert.equal(e?.country, 'Kenya');
  // A place or a nationality before "militia" says where the men are from, not who they are.
  assert.notEqual(firstEvent('On Monday, Ethiopian militia killed two herders near Moyale, Marsabit.')?.inter1, 4);
});

test('the authorities named as a source are no side of an attack', () => {
  const e = firstEvent('On Monday, hooded gunmen killed two people at a bar in Majengo, Mombasa. Authorities believe the attack was linked to a gang.');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.actor2, 'Civilians (Kenya)');
});

test('the suspects a mob lynches are civilians', () => {
  const e = firstEvent('On Monday, a mob lynched two suspected cattle thieves in Likuyani, Kakamega.');
  assert.equal(e?.sub_event_type, 'Mob violence');
  assert.equal(e?.actor2, 'Civilians (Kenya)');
  assert.equal(e?.interaction, 57);
});

test('police clashing with a crowd is a riot, not a battle', () => {
  const e = firstEvent('On Monday, police clashed with demonstrators in Kisumu.');
  assert.equal(e?.sub_event_type, 'Violent demonstration');
  assert.match(e?.actor2 ?? '', /^Police Forces of Kenya/);
});

test('police facing a riot are its actor2, before a bystander it hurt', () => {
  const e = firstEvent('On Monday, violent riots erupted in Kimilili, Bungoma, leading to confrontations with police officers. During the riots, a man was shot dead in a tussle with a police officer.');
  assert.equal(e?.sub_event_type, 'Violent demonstration');
  assert.match(e?.actor2 ?? '', /^Police Forces of Kenya/);
});

test('two crowds that clash are both rioters; an assault over a clash has a victim', () => {
  const clash = firstEvent('On Monday, supporters of two rival candidates clashed in Mwingi town, Kitui.');
  assert.equal(clash?.sub_event_type, 'Mob violence');
  assert.equal(clash?.interaction, 55);
  const assault = firstEvent('On Monday, supporters of a councillor assaulted a journalist in Mwingi town, Kitui, for covering a clash.');
  assert.equal(assault?.actor2, 'Civilians (Kenya)');
});

test('the people of a group an ethnic militia attacks are civilians, their group associated', () => {
  const e = firstEvent('On Monday, suspected Turkana raiders shot and killed a Pokot peace activist in Tiaty, Baringo.');
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.actor1, 'Turkana Ethnic Militia (Kenya)');
  assert.equal(e?.actor2, 'Civilians (Kenya)');
  assert.equal(e?.assoc_actor_2, 'Pokot Ethnic Group (Kenya)');
  // A weekday before the comma is no place the ethnic name would be the region of.
  assert.equal(firstEvent('On Monday, Turkana raiders attacked a village in Tiaty, Baringo.')?.actor1, 'Turkana Ethnic Militia (Kenya)');
});

test('unnamed attackers in violence between communities are a communal militia', () => {
  const first = (text: string) => firstEvent(text);
  const attack = first('On Monday, two herders were killed in a revenge attack over a land dispute in Baragoi, Samburu.');
  assert.equal(attack?.actor1, 'Unidentified Communal Militia (Kenya)');
  assert.equal(attack?.inter1, 4);
  // Generic words for raiders capitalised at a sentence start name no ethnic group.
  assert.equal(first('Armed raiders killed one villager during ongoing cattle rustling raids in Tiaty, Baringo.')?.actor1, 'Unidentified Communal Militia (Kenya)');
  // Herders and farmers who clash fight as communities, not as a mob.
  assert.equal(first('On Sunday, herders and farmers clashed over pasture in Safarisi, Tana River. A man was killed.')?.sub_event_type, 'Armed clash');
  // Violence named without its sides is one community's attack, not a battle.
  assert.equal(first('On Monday, ethnic violence continued in Chepilat near Eldoret, Uasin Gishu.')?.sub_event_type, 'Attack');
  // Communities clashing: a communal militia on either side, not an armed group against civilians.
  const communities = first('On Monday, 12 houses were torched in Pimbinyiet, Narok, after clashes between two communities.');
  assert.deepEqual([communities?.inter1, communities?.inter2], [4, 4]);
  const clash = first('On Monday, clashes between the Kapkeny and Kabasiran clans broke out in Kapsowar, Elgeyo-Marakwet, leaving two dead.');
  assert.equal(clash?.sub_event_type, 'Armed clash');
  assert.deepEqual([clash?.inter1, clash?.inter2], [4, 4]);
});

test('forces using violence on a demonstration intervene in it; violence a protest is about does not', () => {
  const first = (text: string) => firstEvent(text);
  const shot = first('On Monday, police shot at protesters who had gathered to march in Homa Bay.');
  assert.equal(shot?.sub_event_type, 'Protest with intervention');
  assert.match(shot?.actor2 ?? '', /^Police Forces of Kenya/);
  // What follows a new clause is no topic of the protest: "protest over X; police arrest ...".
  const arrests = first('On Monday, Nairobi traders protested over fees; police arrested several protesters.');
  assert.equal(arrests?.sub_event_type, 'Protest with intervention');
  // The same told in the passive.
  const passive = first('On Monday, two demonstrators were shot and injured by police in Mau Narok during a protest against road accidents.');
  assert.equal(passive?.sub_event_type, 'Protest with intervention');
  assert.match(passive?.actor2 ?? '', /^Police Forces of Kenya/);
  const about = first('On Monday, a protest was held in Isiolo by relatives of a man beaten to death by police two weeks before.');
  assert.equal(about?.sub_event_type, 'Peaceful protest');
  // A protest that turns violent is a violent demonstration, whatever it was against.
  assert.equal(first('On Monday, a protest against a construction firm in Mombasa turned violent.')?.sub_event_type, 'Violent demonstration');
  // Damage done beside protesters is theirs: a violent demonstration.
  assert.equal(first('On Monday, protesters clogged the streets of Kisumu and property was vandalised.')?.sub_event_type, 'Violent demonstration');
});

test('where armed men come from is not where they struck', () => {
  const first = (text: string) => firstEvent(text);
  assert.equal(first('On Monday, suspected armed men from Somalia beheaded a man in Kitui county.')?.country, 'Kenya');
  assert.equal(first('On Monday, Ethiopian raiders attacked Kenyan civilians.')?.country, 'Kenya');
  // Crowds protest where they live: "traders from Kilifi" marched there.
  assert.equal(first('On Monday, traders from Kilifi protested against new market fees.')?.location, 'Kilifi');
});

test('a road named after towns is not where the event happened', () => {
  const { events } = extractor.extract({
    text: 'On Monday, university students at the Nakuru campus staged a protest over fees. The students barricaded the Nakuru-Nairobi highway.',
    date: '2024-01-10',
    origin: { file: 'inline' },
  });
  assert.equal(events.length, 1);
  assert.equal(events[0]?.location, 'Nakuru');
  assert.equal(events[0]?.sub_event_type, 'Violent demonstration');
});

test('"X (alias) district, Y" is one place too', () => {
  const { events } = extractor.extract({ text: 'On 16 March 2020, 5 militia members were killed following an attack by Taliban militants in the Band-e-Barq area of Khan Abad (Aqtash) district, Kunduz.', origin: { file: 'inline' } });
  assert.deepEqual(events.map((e) => [e.fatalities, e.admin1]), [[5, 'Kunduz']]);
});

test('"X district, Y" is one place, not two: its dead are not split', () => {
  const { events } = extractor.extract({ text: 'On 8 March 2020, a bomb carried by Taliban detonated prematurely killing 2 militants, in Arghandab district, Kandahar.', origin: { file: 'inline' } });
  assert.equal(events.length, 1);
  assert.equal(events[0]?.fatalities, 2);
  assert.equal(events[0]?.admin1, 'Kandahar');
});

test('a death a protest is about is not counted', () => {
  const first = (text: string) => firstEvent(text);
  assert.equal(first('On Monday, a group of 500 matatu drivers in Nakuru protested the killing of one of their colleagues by police.')?.fatalities, 0);
  assert.equal(first('On Monday, 500 matatu drivers in Nakuru protest a killing by police.')?.fatalities, 0);
});

test('headline passives and shared auxiliaries count one death', () => {
  const count = deathCounts;
  assert.deepEqual(count('Policeman killed after ambush by OLA rebels in Moyale.'), [1]);
  // The kind phrase "killed in" ends in its own preposition; a phrase with a verb of its own is no headline subject.
  assert.deepEqual(count('Kenyan soldier killed in Mandera blast: ministry'), [1]);
  assert.deepEqual(count('He is the third teacher killed in Mandera this month.'), [0]);
  assert.deepEqual(count('On Monday, a farmer is attacked and killed over land in Naivasha.'), [1]);
  // An active verb with its object is the killer's act, counted as one victim, not as the subject.
  assert.deepEqual(count('On Monday, a man killed his wife in Nakuru.'), [1]);
  assert.deepEqual(count('On Monday, Al Shabaab fighters attacked a truck in Mandera. Twelve reportedly KIA.'), [12]);
});

test('demonstrations told as the setting of another event make it mob violence, not a demonstration', () => {
  const first = (text: string) => firstEvent(text, null);
  const e = first('On 5 August 2024, unidentified persons vandalized the offices of Awami League in Panchhari upazila (Khagrachhari, Chittagong), amid the outbreak of violence following anti-government demonstrations.');
  assert.equal(e?.sub_event_type, 'Mob violence');
  // A demonstration reported for itself stays one.
  assert.equal(first('On 5 August 2024, students staged a demonstration in Dhaka demanding quota reform.')?.sub_event_type, 'Peaceful protest');
});

test('admin1 is written as ACLED writes it', () => {
  const first = (text: string) => firstEvent(text, null);
  assert.equal(first('On 20 March 2020, 2 Afghan soldiers were killed by a Taliban sniper in Tarinkot city, Urozgan.')?.admin1, 'Urozgan');
  assert.equal(first('On 19 March 2020, 2 soldiers were killed in an ambush by Taliban militants in Saydabad district, Wardak.')?.admin1, 'Wardak');
});

test('an event "between X and Y" is one event', () => {
  const { events } = extractor.extract({ text: 'On 3 March 2020, 2 local policemen were killed following an ambush by Taliban militants between Sar-e Pol and Jowzjan provinces.', origin: { file: 'inline' } });
  assert.deepEqual(events.map((e) => e.fatalities), [2]);
});

test('a tie for the story\'s country goes to the country whose towns are read more surely, not to one merely named', () => {
  // "Pangani" is a town of Tanzania in the gazetteer (and a Nairobi estate it does not know); Nairobi is sure.
  const e = firstEvent('Police officers shot dead two young men at a petrol station in Pangani (Starehe, Nairobi) on Sunday night.', null);
  assert.equal(e?.country, 'Kenya');
  assert.equal(e?.location, 'Nairobi');
  // A country's name is always sure, and often only a neighbour's: it does not break the tie.
  const f = firstEvent('A cleric was killed when his car hit a roadside bomb in the Kenyan coastal county of Lamu, near the border with Somalia.', null);
  assert.equal(f?.country, 'Kenya');
});

test('deaths only feared are counted when no death is confirmed', () => {
  assert.deepEqual(deathCounts('On Sunday, six villagers are feared dead after bandits raided a village near Marsabit.'), [6]);
  // A confirmed figure stands; the feared ones beside it are not added.
  assert.deepEqual(deathCounts('On Sunday, bandits killed one herder near Marsabit and two others are feared dead.'), [1]);
});

test('a headline passive without its auxiliary makes forces the target, not the attacker', () => {
  // "Two officers killed while ...": the officers suffered it; unnamed attackers fought forces on duty.
  const e = firstEvent('Two police officers killed while on patrol near Garissa.', null);
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.match(e?.actor2 ?? '', /^Police Forces of Kenya/);
  assert.equal(e?.inter1, 3);
  // An active clause with its object stays the forces' act.
  const f = firstEvent('Police killed two robbers in Garissa.', null);
  assert.match(f?.actor1 ?? '', /^Police Forces of Kenya/);
});

test('forces dispersing a gathering report a protest with intervention', () => {
  const e = firstEvent('On Friday, police fired tear gas to disperse hundreds of opposition supporters in Eldoret.', null);
  assert.equal(e?.sub_event_type, 'Protest with intervention');
  assert.equal(e?.interaction, 16);
  // A clash the police broke up stays the clash.
  const f = firstEvent('On Friday, rival supporters clashed in Eldoret until police fired tear gas to disperse them.', null);
  assert.notEqual(f?.sub_event_type, 'Protest with intervention');
});

test('a demonstration told to have stayed peaceful is a peaceful protest', () => {
  const e = firstEvent('On Monday, hawkers held a peaceful demonstration in Kitale that disrupted business for hours.', null);
  assert.equal(e?.sub_event_type, 'Peaceful protest');
  // One that turned violent is a violent demonstration.
  const f = firstEvent('On Monday, a peaceful demonstration by hawkers in Kitale turned violent as they threw stones at shops.', null);
  assert.equal(f?.sub_event_type, 'Violent demonstration');
});

test('ordinary people who turn violent without a demonstration are a mob', () => {
  // Motorcycle-taxi riders and voters are no armed group: their violence is mob violence (codebook 2.3).
  assert.equal(firstEvent('On Sunday, angry boda boda riders beat a bus conductor in Embu over a fare dispute.', null)?.sub_event_type, 'Mob violence');
  assert.equal(firstEvent('On Sunday, a county official was attacked by voters in Kitui over vote buying.', null)?.sub_event_type, 'Mob violence');
});

test('a demonstration or crowd called violent, and what a crowd does "by" way of protest, make a riot', () => {
  assert.equal(firstEvent('On Monday, violent teacher protests spread across Kericho.', null)?.sub_event_type, 'Violent demonstration');
  // "by setting fire to ...": how they protested, not what the protest is about.
  assert.equal(firstEvent('On Monday, traders in Kericho protested against new levies by setting fire to a county office.', null)?.sub_event_type, 'Violent demonstration');
  // What a protest is about stays its topic.
  assert.equal(firstEvent('On Monday, traders in Kericho protested against the setting fire to their market.', null)?.sub_event_type, 'Peaceful protest');
});

test('an assassination and one named victim of a listed kind count one death', () => {
  assert.deepEqual(deathCounts('On Monday, a land surveyor was assassinated in Nakuru.'), [1]);
  assert.deepEqual(deathCounts('On Monday, gunmen kill police reservist in Garissa.'), [1]);
  assert.deepEqual(deathCounts('On Monday, raiders attack a chief and kill his bodyguard in Garissa.'), [1]);
});

test('one who later died counts one death, unless the death is told as the cause', () => {
  assert.deepEqual(deathCounts('On Sunday, a mob beat a trader in Nyeri. The trader later died in hospital.'), [1]);
  assert.deepEqual(deathCounts('On Sunday, a herder was shot by raiders in Isiolo. He died on the way to hospital.'), [1]);
  // The death that set off the event is not one of its dead.
  assert.deepEqual(deathCounts('On Sunday, students burned two buses in Nyeri, claiming that a classmate died in a road accident.'), [0]);
});

test('an aside in brackets does not cut a count from its verb; cattle rustlers are people', () => {
  assert.deepEqual(deathCounts('On Sunday, three herders (out of a group of five) were killed by raiders near Kapedo.'), [3]);
  assert.deepEqual(deathCounts('On Sunday, police shot dead 4 cattle rustlers near Kapedo.'), [4]);
  // Animals stolen are still no casualties.
  assert.deepEqual(deathCounts('On Sunday, raiders stole 40 cattle and killed 2 herders near Kapedo.'), [2]);
});

test('deaths told as the cause of a protest or a lynching are not its dead', () => {
  assert.deepEqual(deathCounts('On Monday, traders in Kisii protested after a hawker was killed by a speeding lorry.'), [0]);
  assert.deepEqual(deathCounts('On Monday, traders in Kisii blocked a road after three hawkers were killed by a speeding lorry.'), [0]);
  assert.deepEqual(deathCounts('On Monday, villagers in Kisii lynched two men accused of killing four people.'), [2]);
});

test('an age is not a count of the dead', () => {
  assert.deepEqual(deathCounts('On Sunday, a 45 year-old trader was killed by robbers in Narok.'), [1]);
  assert.deepEqual(deathCounts('On Sunday, a 9 year old girl was hacked to death in Narok.'), [1]);
});

test('a count before an active killing verb with an object counts the killers, not the dead', () => {
  assert.deepEqual(deathCounts('On Friday, three gunmen shot dead a shopkeeper in Garissa.'), [1]);
  assert.deepEqual(deathCounts('On Friday, five raiders killed two herders in Garissa.'), [2]);
  // Passives and phrases without an object still count the dead.
  assert.deepEqual(deathCounts('On Friday, 4 people were on Monday killed by raiders in Garissa.'), [4]);
  assert.deepEqual(deathCounts('On Friday, 6 herders killed in the attack on a village in Garissa.'), [6]);
});

test('a clash told between communities is an armed clash of communal militias, whoever is named as the dead', () => {
  const e = firstEvent('On Sunday, three people were killed in Kuria as fighting between two rival communities continued.', null);
  assert.equal(e?.sub_event_type, 'Armed clash');
  assert.equal(e?.interaction, 44);
});

test('off-duty forces who are attacked are civilians', () => {
  const e = firstEvent('On Sunday, unidentified gunmen shot dead an off-duty soldier outside a bar in Eldoret.', null);
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.inter2, 7);
});

test('an explosive found, defused or failing to explode, with nobody hurt, is a disrupted weapons use', () => {
  assert.equal(firstEvent('On Monday, police discovered a bomb inside a bus in Kisumu.', null)?.sub_event_type, 'Disrupted weapons use');
  assert.equal(firstEvent('On Monday, soldiers defused an IED planted on a road near Mandera.', null)?.sub_event_type, 'Disrupted weapons use');
  // One that went off and hurt people is an explosion.
  assert.equal(firstEvent('On Monday, an IED planted on a road near Mandera exploded, wounding three soldiers.', null)?.sub_event_type, 'Remote explosive/landmine/IED');
});

test('bandits who raid livestock are a communal militia', () => {
  const e = firstEvent('On Monday, bandits shot dead a herder and drove away 300 goats near Tot.', null);
  assert.equal(e?.inter1, 4);
  // Bandits with no livestock raid stay an unidentified armed group.
  const f = firstEvent('On Monday, armed bandits shot dead a shopkeeper in Eldoret town.', null);
  assert.equal(f?.inter1, 3);
});

test('a death named as the cause ("following the killing of two traders") is not the event\'s', () => {
  assert.deepEqual(deathCounts('On Monday, hawkers in Kisii protested following the killing of two traders by robbers.'), [0]);
  assert.deepEqual(deathCounts('On Monday, students in Kisii went on a rampage after a third year student was killed.'), [0]);
});

test('what a protest is about reaches further, but ends at a new clause of the crowd\'s own', () => {
  // The killing is the topic, ten words after "against": not an act of police on the crowd.
  assert.equal(firstEvent('On Monday, residents of Ruiru protested against the slow police investigation into the recent killing of a villager.', null)?.sub_event_type, 'Peaceful protest');
  // After a comma, what the crowd did is its own act.
  assert.equal(firstEvent('On Monday, traders in Ruiru protested against new county levies, burning tyres on the main road.', null)?.sub_event_type, 'Violent demonstration');
});

test('an act someone failed or refused to do did not happen', () => {
  assert.equal(firstEvent('On Monday, teachers in Mbita protested the failure of police to arrest any suspects.', null)?.sub_event_type, 'Peaceful protest');
});

test('"a fight between", "firefights" and "warring" report a clash', () => {
  assert.equal(firstEvent('On Sunday, a fight between Pokot and Turkana herders near Kainuk left two dead.', null)?.sub_event_type, 'Armed clash');
  assert.equal(firstEvent('On Sunday, there were firefights between police and bandits near Kainuk.', null)?.sub_event_type, 'Armed clash');
});

test('crowds pouring into the streets or waving placards report a protest', () => {
  assert.equal(firstEvent('On Tuesday, hundreds of traders poured into the streets of Garissa over new levies.', null)?.sub_event_type, 'Peaceful protest');
  assert.equal(firstEvent('On Tuesday, nurses waved placards outside the county offices in Garissa.', null)?.sub_event_type, 'Peaceful protest');
});

test('a time told between "was" and the killing verb keeps the passive', () => {
  assert.deepEqual(deathCounts('A suspected thief was on Sunday night lynched by a mob in Embu.'), [1]);
  assert.deepEqual(deathCounts('On Monday, a trader was reportedly killed outside his shop in Embu.'), [1]);
  assert.deepEqual(deathCounts('Preacher killed outside a church in Embu.'), [1]);
});

test('"strike" with a target is an attack, not a labour strike', () => {
  assert.equal(firstEvent('On Monday, gunmen strike a village near Moyale and kill a herder.', null)?.event_type, 'Violence against civilians');
  assert.equal(firstEvent('On Monday, nurses strike over unpaid allowances in Moyale.', null)?.sub_event_type, 'Peaceful protest');
});

test('a killing someone is believed to have done, or admitted, is an earlier deed', () => {
  assert.deepEqual(deathCounts('On Monday, a mob in Nyeri lynched a man they believed killed a shopkeeper.'), [1]);
});

test("beside a toll told by others, an armed group's own higher claim is not used", () => {
  assert.deepEqual(deathCounts('On Monday, militants ambushed a police patrol near Elwak, killing two officers. Al Shabaab claimed 12 dead.'), [2]);
  assert.deepEqual(deathCounts('On Monday, Al Shabaab claimed it killed nine people near Elwak.'), [9]);
});

test('police barring, turning away or containing a crowd intervene in it', () => {
  assert.equal(firstEvent('On Monday, nurses marched to the county offices in Kisii but were barred by police.', null)?.sub_event_type, 'Protest with intervention');
  const riot = firstEvent('On Monday, youths rioted in Kisii over a disputed tally. Police tried to contain the crowds.', null);
  assert.equal(riot?.interaction, 15);
});

test('unidentified gunmen attacking amid a feud between communities are a communal militia', () => {
  assert.equal(firstEvent('On Monday, gunmen shot dead two herders near Moyale amid a dispute between rival clans.', null)?.interaction, 47);
  assert.equal(firstEvent('On Monday, gunmen shot dead two traders near Moyale.', null)?.interaction, 37);
});

test('sides told neither armed nor communities that clash with nobody killed make mob violence', () => {
  assert.equal(firstEvent('On Friday, two groups clashed at a market in Thika over a plot. Three people were injured.', null)?.sub_event_type, 'Mob violence');
  assert.equal(firstEvent('On Friday, two armed groups clashed at a market near Moyale.', null)?.sub_event_type, 'Armed clash');
});

test('the one named right after "killed by" is its agent', () => {
  const e = firstEvent('On Monday, a suspected thief was killed by villagers in Embu.', null);
  assert.equal(e?.sub_event_type, 'Mob violence');
});

test('neighbours, colleagues, commuters and parents who turn violent act as a crowd', () => {
  assert.equal(firstEvent('On Sunday, a suspected thief was killed by colleagues in Embu.', null)?.sub_event_type, 'Mob violence');
});

test('one killed is found behind a person noun that modifies another ("a criminal suspect")', () => {
  assert.deepEqual(deathCounts('On Monday, a mob in Embu lynched a criminal suspect.'), [1]);
});

test('a second violent verb joined to the killing shares its object ("lynches and burns a thief")', () => {
  assert.deepEqual(deathCounts('On Monday, a mob in Embu lynches and burns a suspected thief.'), [1]);
});

test('a body found counts one death when no other is told, and not as the cause of a protest', () => {
  assert.deepEqual(deathCounts('On Friday, gunmen abducted a trader in Embu. His body was found dumped in a river.'), [1]);
  assert.deepEqual(deathCounts('On Monday, a trader was killed in Embu and his body was dumped in a river.'), [1]);
  assert.deepEqual(deathCounts('On Monday, residents of Embu protested after the body of a trader was found in a river.'), [0]);
});

test('a passive subject closed by an apposition ("An official, Jane Doe, was killed") is read past the commas', () => {
  assert.deepEqual(deathCounts('On Monday, a county official, Jane Wanjiru, was shot dead in Embu.'), [1]);
  assert.deepEqual(deathCounts('On Monday, a man in Kaptet, in Marakwet East, was hacked to death.'), [1]);
});

test('protesters told with a demand hold a protest', () => {
  assert.equal(firstEvent('On Monday, protesters gathered outside the county offices in Embu, demanding the release of a local leader.', null)?.sub_event_type, 'Peaceful protest');
});

test('police who only broke up a fight between unnamed groups are no side of a battle', () => {
  assert.equal(firstEvent('On Monday, two factions of a party clashed at the county hall in Embu. Police broke up the groups with tear gas.', null)?.event_type, 'Riots');
});

test('a named armed group destroying property with no one attacked is a property destruction', () => {
  assert.equal(firstEvent('On Monday, Al Shabaab militants destroyed a telecommunication mast near Mandera.', null)?.sub_event_type, 'Looting/property destruction');
});

test("forces that only stopped a mob are not its actor2; those it attacked are", () => {
  assert.equal(firstEvent('On Sunday, villagers in Embu nearly lynched a pastor before police intervened.', null)?.interaction, 57);
  assert.equal(firstEvent('On Sunday, a mob in Embu attacked police officers with stones.', null)?.interaction, 15);
});

test('a bomb that hit forces, with no one else named, was planted by an unidentified armed group', () => {
  assert.equal(firstEvent('On Monday, a roadside bomb hit a police vehicle near Mandera, killing two officers.', null)?.interaction, 13);
});

test('unnamed attackers are the rebel group the text names elsewhere as suspected', () => {
  assert.equal(firstEvent('On Monday, a roadside bomb hit a police vehicle near Mandera. Al Shabaab is suspected.', null)?.interaction, 12);
});

test('a bomb that hurt only civilians was set off by an unidentified armed group', () => {
  assert.equal(firstEvent('On Monday, a grenade exploded at a market in Garissa, injuring three people.', null)?.interaction, 37);
});

test('a death toll raised or revised to a figure is the total', () => {
  assert.deepEqual(deathCounts('On Sunday, gunmen killed four people at a church in Likoni. By Tuesday the death toll was raised to six.'), [6]);
});

test('"responsibility for the attack" names the bombing already told, not a ground assault', () => {
  assert.equal(firstEvent('On Monday, three police officers were killed in an IED explosion near Liboi. Al Shabaab claimed responsibility for the attack.', null)?.sub_event_type, 'Remote explosive/landmine/IED');
});

test('forces told only after an attack, in sentences of no violence, are no side of it', () => {
  const e = firstEvent('On Monday, Al Shabaab gunmen shot dead four worshippers at a church in Likoni. Police later launched an operation in the area.', null);
  assert.equal(e?.sub_event_type, 'Attack');
  assert.equal(e?.interaction, 27);
});

test('transport or business disrupted by a demonstration is no violence of it', () => {
  assert.equal(firstEvent('On Monday, transport in Busia town was disrupted as traders held a demonstration over market fees.', null)?.sub_event_type, 'Peaceful protest');
});

test('a count before a cause cue ("several cities following the death of") does not count the death', () => {
  assert.deepEqual(deathCounts('On Monday, nurses protest in several cities following the mysterious death of a colleague.'), [0]);
});

test('deaths a protest is about are not its dead', () => {
  const e = firstEvent('On Monday, mourners in Naivasha protested over the killing of a trader. A relative said the trader was killed after a business dispute.', null);
  assert.equal(e?.sub_event_type, 'Peaceful protest');
  assert.equal(e?.fatalities, 0);
});

test('a second person joined to the one killed ("a chief and his assistant") dies too', () => {
  assert.deepEqual(deathCounts('On Monday, gunmen in Lamu killed a chief and his assistant.'), [2]);
  assert.deepEqual(deathCounts('On Monday, gunmen in Lamu killed a chief and injured his wife.'), [1]);
});

test('a count after two joined violent verbs ("lynched and burned three men") counts the dead', () => {
  assert.deepEqual(deathCounts('On Tuesday, a mob in Siaya lynched and burned three men suspected of theft.'), [3]);
});

test('a bombing told with a running count "since" a month is dated by the publication, not by that month', () => {
  // Invented headline, published 2024-01-10.
  const e = firstEvent('A bomb explodes in Garissa town and raises to 40 the number of people assassinated since late October');
  assert.ok(e);
  assert.equal(e.event_date, '2024-01-10');
  assert.equal(e.time_precision, 2);
});
