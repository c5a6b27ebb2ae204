// Wire and radio reports (issue 13, MUC-4 kind): a device that went off with its damage and hurt,
// and the dateline as the place of last resort. Invented reports, in capitals and in mixed case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { AcledEvent } from '../../src/common/event.js';
import { createExtractor } from '../../src/pipeline/index.js';
import { datelineAgencySpan, datelineCountrySpan, datelinePlaceSpan } from '../../src/locales/en/dateline.js';

const extractor = createExtractor();

function eventsOf(text: string, date = '1990-02-14'): AcledEvent[] {
  return extractor.extract({ text, date, origin: { file: 'inline' } }).events;
}
const brief = (e: AcledEvent) => `${e.event_type} | ${e.location}`;

/** Asserts that a report gave events, all of them in the country. */
function assertAllIn(events: readonly AcledEvent[], country: string): void {
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.country === country), events.map((e) => `${e.country} ${e.location}`).join('; '));
}

const BLAST =
  'CARTAGENA, 14 FEB 90 (RADIO CARACOL) -- [TEXT] A POWERFUL BOMB EXPLODED TONIGHT IN THE COLOMBIAN CITY OF CARTAGENA, OPPOSITE A BANK. ' +
  'ACCORDING TO UNOFFICIAL SOURCES, THREE PEOPLE WERE INJURED BY THE EXPLOSION. THE FRONT OF THE BANK WAS PARTIALLY DESTROYED AND THE WINDOWS OF NEARBY SHOPS WERE DAMAGED.';

test('damage and hurt beside a bomb that went off are the explosion\'s, not a riot', () => {
  for (const text of [BLAST, BLAST.toLowerCase().replace(/(^|\. )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => e.event_type === 'Explosions/Remote violence'), events.map(brief).join('; '));
  }
});

test('a crowd that damages property and throws crude bombs still riots', () => {
  const events = eventsOf('On 3 March 2023, supporters of a local candidate vandalised five shops and exploded crude bombs in Kushtia town (Kushtia, Khulna). Four people were injured.', '2023-03-03');
  assert.ok(events.length > 0);
  assert.equal(events[0]!.event_type, 'Riots', events.map(brief).join('; '));
});

test('the dateline places a wire report\'s event that the text places only in the country', () => {
  const text = 'SAN SALVADOR, 14 FEB 90 (RADIO CADENA) -- [TEXT] THE NATIONAL POLICE ISSUED A REPORT THIS MORNING. A BOMB WENT OFF AT THE OFFICES OF A HUMAN RIGHTS COMMITTEE IN EL SALVADOR, DAMAGING THE BUILDING. THE POLICE REPORT ADDED THAT NOBODY CLAIMED THE BLAST.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.deepEqual(events.map((e) => [e.country, e.location]), [['El Salvador', 'San Salvador']]);
});

test('a dateline abroad does not place the event', () => {
  const text = 'MADRID, 14 FEB 90 (EFE) -- [TEXT] GUNMEN KILLED A JUDGE IN MEDELLIN, COLOMBIA, ON 12 FEBRUARY, POLICE SAID.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.location !== 'Madrid'), events.map(brief).join('; '));
});

test('the dateline\'s place words', () => {
  const text = 'SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] ...';
  assert.deepEqual(datelinePlaceSpan(text)?.map((i) => i), [0, 12]);
  assert.equal(datelinePlaceSpan('Gunmen killed three people in Kano on Monday.'), undefined);
  const moscow = 'MOSCOW (USSR), 6 SEP 89 (INTERNATIONAL SERVICE) -- [TEXT] ...';
  assert.equal(moscow.slice(...datelinePlaceSpan(moscow)!), 'MOSCOW');
});

test('"shot to death" counts its dead', () => {
  const events = eventsOf('BOGOTA, 14 FEB 90 (EFE) -- [TEXT] UNION LEADER JOSE PEREZ WAS SHOT TO DEATH IN MEDELLIN ON 12 FEBRUARY, POLICE SAID.');
  assert.ok(events.length > 0);
  assert.equal(events[0]!.fatalities, 1);
  assert.equal(events[0]!.event_type, 'Violence against civilians');
});

test('a magistrate killed with her police escort wounded is an attack on a civilian, not a battle', () => {
  const text = 'BOGOTA, 14 FEB 90 (RADIO CARACOL) -- [TEXT] A MAGISTRATE OF THE HIGHER COURT WAS ASSASSINATED THIS EVENING IN CALI. ' +
    'SHE WAS ATTACKED WHEN ENTERING HER HOME. TWO POLICEMEN WHO WERE ACTING AS HER BODYGUARDS WERE WOUNDED IN THE ATTACK.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.deepEqual(events.map((e) => [e.event_type, e.location, e.fatalities]), [['Violence against civilians', 'Cali', 1]]);
});

test('the station in the dateline\'s brackets is no place of the story', () => {
  const text = 'SAN SALVADOR, 9 JUN 89 (RADIO CADENA SONORA) -- [TEXT] THE PARTY CONDEMNED THE ATTACK. URBAN GUERRILLAS MACHINEGUNNED THE RESIDENCE OF A JUDGE TODAY, POLICE SAID.';
  const { doc, events } = extractor.extract({ text, date: '1989-06-09', origin: { file: 'inline' } });
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.country === 'El Salvador'), events.map(brief).join('; '));
  assert.deepEqual(doc.places.map((p) => p.entry.countryCode), ['SV'], doc.places.map((p) => p.text).join(', '));
  const span = datelineAgencySpan(text);
  assert.equal(span && text.slice(...span), 'RADIO CADENA SONORA');
  const madrid = 'MADRID (SPAIN), 26 JAN 89 (RNE) -- [TEXT] ...';
  assert.equal(madrid.slice(...datelineAgencySpan(madrid)!), 'RNE');
  assert.equal(datelineAgencySpan('KABUL - Gunmen attacked a school.'), undefined);
});

test('a killing told as a noun counts its dead: one person named, or the count after "of"', () => {
  const dead = (text: string, date = '1990-01-11') => eventsOf(text, date).map((e) => e.fatalities);
  assert.deepEqual(dead('LIMA, 11 JAN 90 -- [TEXT] THE REBELS TODAY DISTRIBUTED LEAFLETS CLAIMING RESPONSIBILITY FOR THE MURDER OF FORMER DEFENSE MINISTER ENRIQUE LOPEZ IN LIMA.'), [1]);
  assert.deepEqual(dead('Gunmen on Tuesday carried out the assassination of a judge and his driver in Medellin.'), [2]);
  assert.deepEqual(dead('SAN SALVADOR, 16 NOV 89 -- [TEXT] THE ARMED FORCES TODAY REPORTED THE MURDER OF THE SIX PRIESTS AT A UNIVERSITY IN SAN SALVADOR.', '1989-11-16'), [6]);
  // Charged, protested over, or plural: no death of the event told, or none counted as one.
  assert.ok(dead('Police arrested two men charged with the murder of a trader in Nakuru on Monday.').every((f) => f === 0));
  assert.ok(dead('Residents protested in Nairobi on Monday over the murder of John Kamau.').every((f) => f === 0));
  assert.ok(dead('Gunmen on Tuesday carried out the killing of the village teachers in Medellin.').every((f) => f !== 1));
});

test('a killing told as investigated or deplored counts its dead when the event is the killing, not when it is a charge', () => {
  const dead = (text: string, date = '1990-03-02') => eventsOf(text, date).map((e) => e.fatalities);
  // (Invented reports.)
  assert.deepEqual(dead('BOGOTA, 2 MAR 90 (RADIO CARACOL) -- [TEXT] THE JUDGE INVESTIGATING THE ASSASSINATION OF SENATOR PEDRO RUIZ TODAY ORDERED THE ARREST OF TWO MEN.'), [1]);
  assert.deepEqual(dead('Police in Cali on Friday arrested three men suspected of being involved in the murder of the four farmers.'), [4]);
  assert.deepEqual(dead('SAN SALVADOR, 2 MAR 90 -- [TEXT] THERE IS DEEP INDIGNATION OVER THE MURDER OF A PRIEST IN SAN SALVADOR TODAY.'), [1]);
  // Held or tried for it, or a plot: no death of the event told.
  assert.ok(dead('On 2 March 1990, two suspects held for the murder of a priest said they had been tortured by police in Cali.').every((f) => f === 0));
  assert.ok(dead('Police in Cali on Friday foiled a plot for the assassination of a judge.').every((f) => f === 0));
});

test('counts of the dead and hurt together, of incidents, of time and of the accused are no death figure', () => {
  const dead = (text: string, date = '1989-11-14') => eventsOf(text, date).map((e) => e.fatalities);
  // (Invented reports.)
  assert.ok(dead('SAN SALVADOR, 14 NOV 89 -- [TEXT] REBELS ATTACKED THE TOWN OF SANTA ANA TODAY. THERE ARE ALREADY MORE THAN 80 DEAD OR WOUNDED.').every((f) => f !== 80));
  assert.ok(dead('Rebels attacked Santa Ana, El Salvador, on Tuesday, leaving 40 wounded or dead.').every((f) => f !== 40));
  assert.ok(dead('Police in Lima on Tuesday arrested four rebels charged with 30 attacks and murders.').every((f) => f === 0));
  assert.ok(dead('The army said on Tuesday that its campaign in Morazan had brought 45 clashes and 20 rebels killed.').every((f) => f !== 65 && f !== 45));
  assert.ok(dead('BOGOTA, 22 AUG 89 -- [TEXT] THE POLICE TODAY SHOWED PICTURES OF FIVE MEN SUSPECTED OF KILLING SENATOR PEDRO RUIZ IN BOGOTA ON FRIDAY.', '1989-08-22').every((f) => f !== 5));
  // Still counted: the dead and, apart, the wounded.
  assert.deepEqual(dead('Rebels attacked Santa Ana, El Salvador, on Tuesday: 12 people were killed and 30 wounded.'), [12]);
});

test('two counts joined after a killing noun add up; a surname named in full before dies once', () => {
  // (Invented reports.)
  assert.deepEqual(eventsOf('SAN SALVADOR, 2 FEB 90 -- [TEXT] THE ARMY TODAY REPORTED THE MURDER OF FOUR NUNS AND THEIR TWO DRIVERS IN SAN MIGUEL.', '1990-02-02').map((e) => e.fatalities), [6]);
  const navas = eventsOf('SAN SALVADOR, 19 MAR 89 (ACAN-EFE) -- [TEXT] LAST NIGHT, A SOLDIER FIRED AT PHOTOGRAPHERS ROBERTO NAVAS AND LUIS GALDAMEZ AT A CHECKPOINT IN SAN SALVADOR. NAVAS DIED AND GALDAMEZ WAS SERIOUSLY INJURED.', '1989-03-19');
  assert.deepEqual(navas.map((e) => e.fatalities), [1]);
  // A lone word never named in full is no one known to have died.
  assert.ok(eventsOf('SAN SALVADOR, 19 MAR 89 -- [TEXT] A SOLDIER FIRED AT A BUS IN SAN SALVADOR LAST NIGHT. DEMOCRACY DIED, THE PAPER SAID.', '1989-03-19').every((e) => e.fatalities === 0));
});

test('one death told again by surname alone, or by a plural "have been" after a singular word, counts once; "some reports" count no one; "three of them" is a part', () => {
  // (Invented reports.)
  const dead = (text: string) => eventsOf(text, '1990-02-14').map((e) => e.fatalities);
  assert.deepEqual(dead('LA PAZ, 14 FEB 90 (EFE) -- [TEXT] UNIDENTIFIED GUNMEN SHOT UNION LEADER MARIO QUIROGA TODAY IN LA PAZ. THE UNION SPOKESMAN WAS GUNNED DOWN AS HE LEFT HIS OFFICE. QUIROGA WAS KILLED A FEW METERS FROM HIS CAR.'), [1]);
  assert.deepEqual(dead('LA PAZ, 14 FEB 90 (EFE) -- [TEXT] REBELS ATTACKED A BUS IN LA PAZ TODAY. JUDICIAL SOURCES SAID THAT ANA RUIZ AND JOSE PAZ, A 30-YEAR-OLD NURSE AT THE HOSPITAL, HAVE BEEN KILLED. TWO PASSENGERS HAVE BEEN KILLED, THE POLICE SAID.'), [2]);
  // "Some reports" counts reports, not the dead.
  assert.deepEqual(dead('CALI, 14 FEB 90 (EFE) -- [TEXT] AN ARMED GROUP KILLED FOUR FARMERS NEAR CALI TODAY. SOME REPORTS INDICATE THAT THE FARMERS WERE KILLED BY REBELS OF THE FARC.'), [4]);
  // A count set off by a comma and followed by "of them" is part of the count before it.
  assert.deepEqual(dead('CALI, 14 FEB 90 (EFE) -- [TEXT] REBELS AMBUSHED AN ARMY TRUCK NEAR CALI TODAY. SEVEN SOLDIERS, THREE OF THEM OFFICERS, WERE KILLED.'), [7]);
  // So is one in brackets or between dashes (not a hyphen: "twenty-two of them" stays a count).
  assert.deepEqual(dead('Rebels ambushed an army truck near Cali on Wednesday. Seven soldiers (three of them officers) were killed.'), [7]);
  assert.deepEqual(dead('Rebels ambushed an army truck near Cali on Wednesday. Seven soldiers -- three of them officers -- were killed.'), [7]);
  // Two people named in full, each killed, are two dead.
  assert.deepEqual(dead('LA PAZ, 14 FEB 90 (EFE) -- [TEXT] GUNMEN ATTACKED A MEETING IN LA PAZ TODAY. MARIO QUIROGA WAS KILLED AT THE DOOR. LUIS ROCA WAS KILLED IN THE HALL.'), [2]);
});

test('a person named between a violent verb and "to death" is one dead', () => {
  // (Invented reports.)
  assert.deepEqual(eventsOf('Pisco, 3 Dec 88 (Radio Union) -- [Text] This morning masked men stabbed Deputy Mayor Jorge Rivas Lopez to death in Pisco.', '1988-12-03').map((e) => e.fatalities), [1]);
  assert.ok(eventsOf('Pisco, 3 Dec 88 (Radio Union) -- [Text] This morning masked men beat the Lima Bank guards to death in Pisco.', '1988-12-03').every((e) => e.fatalities !== 1));
});

test('a person named as the object of a killing verb is one dead, a place or a day after the verb is not', () => {
  const dead = (text: string) => eventsOf(text, '1989-11-28').map((e) => e.fatalities);
  assert.deepEqual(dead('SAN SALVADOR, 28 NOV 89 -- [TEXT] THE PRESIDENT ORDERED AN INVESTIGATION TO DETERMINE WHO MURDERED DR GUERRERO IN SAN SALVADOR TODAY.'), [1]);
  assert.deepEqual(dead('Five people were killed Tuesday in Garissa.'), [5]);
  assert.ok(dead('A Dutch journalist was killed in El Salvador on Sunday, and a colleague was wounded.').every((f) => f <= 1));
  assert.ok(dead('KDF troops killed Al Shabaab militants in Lamu on Monday.').every((f) => f === 0));
});

test('a name of many bearers read abroad in a one-country wire report is a place of that country', () => {
  // (Invented: San Luis is a province of Argentina and a town in several countries; the report's other places and
  // its dateline are Salvadoran.)
  const text =
    'SAN SALVADOR, 2 AUG 89 (RADIO CADENA) -- [TEXT] URBAN GUERRILLAS ATTACKED THE POLICE POST IN SAN LUIS WITH MORTARS LAST NIGHT, KILLING TWO POLICEMEN. ' +
    'MEANWHILE, A BOMB WENT OFF IN SOYAPANGO, DAMAGING A BANK. THE ARMY REPORTED CLASHES IN USULUTAN AND MORAZAN DEPARTMENTS.';
  const events = eventsOf(text, '1989-08-02');
  assertAllIn(events, 'El Salvador');
  const luis = events.find((e) => e.location === 'San Luis');
  assert.ok(luis, events.map(brief).join('; '));
  assert.equal(luis!.geo_precision, 3);
});

test('a quarter of a city whose namesake towns lie abroad is a place of the story\'s country', () => {
  // (Invented: Escalon and Chula Vista are towns in California; here they are quarters of a Salvadoran city, named
  // with a neighbourhood word once and alone again later.)
  const text =
    'SAN SALVADOR, 29 NOV 89 (RADIO CADENA) -- [TEXT] URBAN GUERRILLAS ATTACKED AN ARMY POST IN THE ESCALON AND CHULA VISTA NEIGHBORHOODS LAST NIGHT, KILLING TWO SOLDIERS. ' +
    'THE ARMY REPORTED CLASHES IN USULUTAN AND MORAZAN DEPARTMENTS. THE AIR FORCE LATER BOMBED ESCALON.';
  const events = eventsOf(text, '1989-11-29');
  assertAllIn(events, 'El Salvador');
  assert.ok(events.some((e) => e.location === 'Escalon' || e.location === 'Chula Vista'), events.map(brief).join('; '));
  // ("a Nairobi suburb" names the city: a city of half a million is meant wherever the text is.)
  const nairobi = eventsOf('Police shot dead two robbery suspects in a Nairobi suburb on Monday.', '2019-03-04');
  assert.ok(nairobi.length > 0 && nairobi.every((e) => e.country === 'Kenya' && e.location === 'Nairobi'), nairobi.map(brief).join('; '));
});

test('an air force named as what a person, a building or a craft belongs to tells no air strike', () => {
  for (const text of [
    'SANTIAGO, 21 MAR 90 -- GUNMEN SHOT A RETIRED GENERAL IN SANTIAGO TODAY. HE IS BEING TREATED AT THE AIR FORCE HOSPITAL. THE FORMER AIR FORCE COMMANDER IS OUT OF DANGER.',
    'Gunmen shot a retired general in Santiago on Wednesday. He is being treated at the Air Force hospital.',
    // (Nor one told only as a name, not as the agent of an event word right after it.)
    'SAN SALVADOR, 21 NOV 89 (AFP) -- [TEXT] GUERRILLAS TOOK TEN FOREIGNERS HOSTAGE IN A HOTEL IN SAN SALVADOR TODAY. TROOPS SUPPORTED BY THE AIR FORCE SURROUNDED THE HOTEL.',
    'SANTIAGO, 21 MAR 90 -- TWO MEN SHOT A FORMER COMMANDER IN CHIEF OF THE AIR FORCE, AND HIS PARTNER, IN SANTIAGO TODAY.',
    'Two men shot a former commander in chief of the Air Force, and his business partner, in Santiago on Wednesday.',
    // (A comma closes the phrase the air force is named in: the words after it are no strike of its.)
    'SAN SALVADOR, 22 MAR 90 -- [TEXT] THE NEPHEW OF THE CHIEF OF THE SALVADORAN AIR FORCE, WAS WOUNDED IN AN ATTACK IN SAN SALVADOR TODAY.',
  ]) {
    const events = eventsOf(text, '1990-03-21');
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => e.sub_event_type !== 'Air/drone strike'), events.map(brief).join('; '));
  }
  // (The air force that bombs still strikes from the air.)
  const strike = eventsOf('SAN SALVADOR, 21 MAR 90 -- THE AIR FORCE BOMBED REBEL POSITIONS NEAR CHALATENANGO TODAY.', '1990-03-21');
  assert.ok(strike.some((e) => e.sub_event_type === 'Air/drone strike'), strike.map(brief).join('; '));
  const agent = eventsOf('On 29 April 2020, the air force attacked three trucks carrying ammunition near Mizdah, injuring several fighters.', '2020-04-29');
  assert.ok(agent.some((e) => e.sub_event_type === 'Air/drone strike'), agent.map(brief).join('; '));
});

test('a title read in lower case makes the next name a person\'s, even a province\'s name', () => {
  // ("Ponce" and "Duarte" are provinces of Puerto Rico and the Dominican Republic.)
  const text =
    'SAN SALVADOR, 17 NOV 89 (RADIO CADENA) -- [TEXT] DEFENSE MINISTER COLONEL PONCE SAID THAT URBAN GUERRILLAS ATTACKED THE NATIONAL GUARD HEADQUARTERS IN SOYAPANGO. ' +
    'COL PONCE ADDED THAT TWO SOLDIERS WERE KILLED. PRESIDENT DUARTE CONDEMNED THE ATTACK.';
  const events = eventsOf(text, '1989-11-17');
  assertAllIn(events, 'El Salvador');
});

test('clergy and officials named as the dead are civilians, not a crowd that rioted', () => {
  const text = 'SAN SALVADOR, 18 NOV 89 (EFE) -- [TEXT] THE BISHOPS EXPRESSED THEIR SORROW WITH THE COMMUNITY OF JESUIT PRIESTS FOR THE KILLING OF FIVE OF ITS MEMBERS, CARRIED OUT BY UNIFORMED MEN IN SAN SALVADOR ON 16 NOVEMBER.';
  for (const t of [text, text.toLowerCase().replace(/(^|\. )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())]) {
    const events = eventsOf(t, '1989-11-18');
    assert.ok(events.length > 0, t);
    assert.equal(events[0]!.event_type, 'Violence against civilians', events.map(brief).join('; '));
  }
});

test('a time of day and a person\'s age are no count of the dead', () => {
  // (In mixed case: names, the month and sentence starts capitalised.)
  const mixed = (s: string) => s.toLowerCase()
    .replace(/(^|\. |\] )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase())
    .replace(/\b(jose|antonio|perez|pablo|ruiz|san miguel|san salvador|medellin|nairobi|jun|radio|text)\b/g, (w) => w.replace(/\b[a-z]/g, (c) => c.toUpperCase()));
  const cases: [string, number][] = [
    ['SAN MIGUEL, 9 JUN 89 (RADIO) -- [TEXT] THE MAYOR OF SAN MIGUEL WAS KILLED AT 0815 TODAY BY UNIDENTIFIED GUNMEN.', 1],
    ['SAN MIGUEL, 9 JUN 89 (RADIO) -- [TEXT] A TEACHER WAS MURDERED AT 1620 THIS AFTERNOON IN SAN MIGUEL.', 1],
    ['SAN SALVADOR, 9 JUN 89 (RADIO) -- [TEXT] UNION LEADER JOSE ANTONIO PEREZ, 65, WAS KILLED NEAR HIS HOME IN SAN SALVADOR THIS MORNING.', 1],
    ['MEDELLIN, 9 JUN 89 (RADIO) -- [TEXT] PABLO RUIZ, 45, A FORMER MAYOR OF MEDELLIN, WAS MURDERED BY GUNMEN IN MEDELLIN TODAY.', 1],
    ['NAIROBI, 9 JUN 89 (RADIO) -- [TEXT] TWO MEN AGED 45 WERE KILLED BY GUNMEN IN NAIROBI TODAY.', 2],
  ];
  for (const [text, dead] of cases) {
    for (const t of [text, mixed(text)]) {
      const events = eventsOf(t, '1989-06-09');
      assert.ok(events.length > 0, t);
      assert.equal(events[0]!.fatalities, dead, t);
    }
  }
  // A count stays a count: "at least 1620", a toll that "stood at 1200".
  assert.equal(eventsOf('KABUL, 9 JUN 89 (RADIO) -- [TEXT] THE TOLL OF THE FIGHTING IN KABUL STOOD AT 1200 DEAD, OFFICIALS SAID.', '1989-06-09')[0]?.fatalities ?? 1200, 1200);
});

test('a statement condemning a killing counts its dead; a crowd\'s cause does not', () => {
  const statement = 'SAN SALVADOR, 28 NOV 89 (RADIO) -- [TEXT] THE VICE PRESIDENT HAS STRONGLY CONDEMNED THE MURDER OF FORMER JUDGE JOSE PEREZ IN SAN SALVADOR THIS MORNING.';
  const mixed = 'San Salvador, 28 Nov 89 (Radio) -- [Text] The president said he was alarmed over the assassination of Jose Perez, a former judge, in San Salvador this morning.';
  for (const text of [statement, mixed]) {
    const events = eventsOf(text, '1989-11-28');
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.fatalities, 1, text);
  }
  for (const text of ['Youths rioted in Kisumu over high crime and the murder of a local politician.', 'Traders protested in Kisumu town, condemning the murder of a local politician.']) {
    const events = eventsOf(text, '2012-10-31');
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.fatalities, 0, text);
  }
});

test('a general word for an attack in a bombing report, with no fighting and no state force, is the bombing told again', () => {
  const mixed = (s: string) => s.toLowerCase().replace(/(^|\. )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  const before =
    'QUITO, 14 FEB 90 (RADIO QUITO) -- [TEXT] THERE HAS BEEN A TERRORIST ATTACK AGAINST A RADIO STATION IN QUITO. ' +
    'A CAR BOMB EXPLODED OUTSIDE THE STATION, INJURING TWO EMPLOYEES. THE POLICE HAVE CONFIRMED THE BLAST.';
  const after =
    'QUITO, 14 FEB 90 (EFE) -- [TEXT] REBELS BOMBED A PARTY OFFICE IN QUITO LAST NIGHT, INJURING THREE PEOPLE. ' +
    'POLICE SOURCES REPORTED FOUR MORE BOMBINGS IN GUAYAQUIL. THE SOURCES DID NOT NAME THE BUILDINGS THAT WERE ATTACKED.';
  for (const text of [before, mixed(before), after, mixed(after)]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => e.event_type === 'Explosions/Remote violence'), events.map(brief).join('; '));
  }
  // Forces named where the attack is told, or fighting told: a battle of its own may be.
  const fight = 'QUITO, 14 FEB 90 (EFE) -- [TEXT] A BOMB EXPLODED AT A BANK IN QUITO, INJURING TWO PEOPLE. IN A SEPARATE INCIDENT, REBELS ATTACKED AN ARMY PATROL IN ESMERALDAS AND CLASHED WITH SOLDIERS FOR TWO HOURS.';
  assert.ok(eventsOf(fight).some((e) => e.event_type === 'Battles'), eventsOf(fight).map(brief).join('; '));
});

test('a person named before "died" or "was killed" is one dead, a surname ending in s too', () => {
  const mixed = (s: string) => s.toLowerCase().replace(/(^|\. |\] )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase()).replace(/\b(roberto|navas|pedro|rivas|san salvador|journalist)\b/g, (w) => w.replace(/\b[a-z]/g, (c) => c.toUpperCase()));
  const reports = [
    'SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] SOLDIERS FIRED AT A CAR CARRYING TWO REPORTERS IN SAN SALVADOR TODAY. ROBERTO NAVAS DIED AND PEDRO RIVAS WAS SERIOUSLY INJURED.',
    'SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] SOLDIERS FIRED AT A CAR IN SAN SALVADOR TODAY. JOURNALIST NAVAS WAS KILLED.',
  ];
  for (const text of reports.flatMap((r) => [r, mixed(r)])) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.fatalities, 1, `${text}: ${events.map((e) => `${brief(e)} ${e.fatalities}`).join('; ')}`);
  }
  // A count before the verb is read as the count.
  assert.equal(eventsOf('SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] REBELS FIRED AT A BUS IN SAN SALVADOR TODAY. TWO PASSENGERS DIED.')[0]?.fatalities, 2);
});

test('"it has been demonstrated" shows something: no demonstration', () => {
  const events = eventsOf('TEGUCIGALPA, 26 JAN 89 -- [TEXT] THE PRESIDENT CONDEMNED THE MURDER OF A RETIRED GENERAL BY UNIDENTIFIED GUNMEN IN TEGUCIGALPA. IT HAS BEEN DEMONSTRATED WORLDWIDE THAT PROGRESS COMES ONLY THROUGH DEMOCRACY.', '1989-01-26');
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.event_type !== 'Protests'), events.map(brief).join('; '));
  // (Crowds that demonstrated still protest.)
  const protest = eventsOf('TEGUCIGALPA, 26 JAN 89 -- [TEXT] THOUSANDS OF STUDENTS DEMONSTRATED IN TEGUCIGALPA TODAY AGAINST FUEL PRICES.', '1989-01-26');
  assert.ok(protest.some((e) => e.event_type === 'Protests'), protest.map(brief).join('; '));
});

test('a murder told with no fighting is violence against civilians, though guerrillas and the army are named', () => {
  const mixed = (s: string) => s.toLowerCase().replace(/(^|\. |\] )([a-z])/g, (_m, p: string, c: string) => p + c.toUpperCase());
  const reports = [
    'SAN SALVADOR, 17 OCT 89 (DPA) -- [TEXT] THE GOVERNMENT ACCUSED THE FMLN GUERRILLAS OF MURDERING THE DAUGHTER OF AN ARMY COLONEL IN SAN SALVADOR TODAY. THE GOVERNMENT OFFERED TO HALT ALL OFFENSIVE OPERATIONS OF THE ARMY IF THE GUERRILLAS DISARM.',
    'LIMA, 10 JAN 90 (EFE) -- [TEXT] REBELS ASSASSINATED A FORMER MINISTER IN LIMA TODAY. THE ARMY SAID THE SAME REBELS HAD ATTACKED ARMY PERSONNEL IN THE PAST.',
  ];
  for (const text of reports.flatMap((r) => [r, mixed(r)])) {
    const events = eventsOf(text, '1990-01-10');
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.event_type, 'Violence against civilians', `${text}: ${events.map(brief).join('; ')}`);
  }
  // Forces murdered, or fighting told, are a battle's.
  for (const text of [
    'LIMA, 10 JAN 90 (EFE) -- [TEXT] REBELS MURDERED TWO POLICEMEN IN LIMA TODAY.',
    'SAN SALVADOR, 17 OCT 89 (DPA) -- [TEXT] GUERRILLAS AND SOLDIERS CLASHED IN SAN SALVADOR TODAY. THE ARMY ACCUSED THE GUERRILLAS OF MURDER.',
  ]) {
    const events = eventsOf(text, '1990-01-10');
    assert.ok(events.some((e) => e.event_type === 'Battles'), `${text}: ${events.map(brief).join('; ')}`);
  }
});

test('a province the report names places its event, not the dateline\'s town in the same sentence', () => {
  for (const text of [
    'SAN SALVADOR, 29 JUL 89 (RADIO VENCEREMOS) -- [TEXT] AIR FORCE PLANES BOMBED SEVERAL VILLAGES IN NORTHERN MORAZAN DEPARTMENT TODAY.',
    'San Salvador, 29 Jul 89 (Radio Venceremos) -- Air force planes bombed several villages in Morazan Department today.',
  ]) {
    const events = eventsOf(text, '1989-07-29');
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => e.country === 'El Salvador' && e.admin1 === 'Morazan'), events.map((e) => `${e.admin1} ${e.location}`).join('; '));
  }
});

test('a dateline abroad yields to another country the sentence sets its event in, not to one it names otherwise', () => {
  for (const [text, country] of [
    ['NAIROBI, Kenya - Militants attacked a military base in southern Somalia on Sunday, killing five soldiers.', 'Somalia'],
    ['DAKAR, Senegal (AP) - Gunmen killed 12 people in an attack on a village in northern Burkina Faso on Saturday, officials said.', 'Burkina Faso'],
    ['LIMA, 25 MAY 89 (DPA) -- [TEXT] TWO U.S. ENGINEERS WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF TERRORISTS.', 'Peru'],
    ['QUITO, 1 AUG 89 (EFE) -- [TEXT] A FORMER AMBASSADOR TO SPAIN WAS KILLED TODAY BY UNIDENTIFIED INDIVIDUALS IN THIS CAPITAL.', 'Ecuador'],
  ] as const) {
    const events = eventsOf(text, '2021-05-10');
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.country, country, `${text}: ${events.map(brief).join('; ')}`);
  }
  // The dateline's own country after a comma is where the report was filed, not a place of the story.
  const text = 'NAIROBI, Kenya (Reuters) - Text.';
  const span = datelineCountrySpan(text);
  assert.equal(span && text.slice(span[0], span[1]), 'Kenya');
});

test('a sentence with its own day in a neighbouring town tells an event of its own, its dead not the first event\'s', () => {
  const text = 'SAN SALVADOR, 14 MAR 89 (RADIO) -- [TEXT] A BOMB EXPLODED IN A TRUCK IN SAN SALVADOR TODAY, DAMAGING NEARBY HOUSES. ' +
    'THE POLICE ADDED THAT TWO MEN WERE MURDERED BY REBELS THIS MORNING IN SOYAPANGO.';
  const events = eventsOf(text, '1989-03-14');
  const all = events.map((e) => `${brief(e)} ${e.fatalities}`).join('; ');
  const truck = events.find((e) => e.location === 'San Salvador');
  assert.ok(truck, all);
  assert.equal(truck.fatalities, 0, all);
  assert.ok(events.some((e) => e.location === 'Soyapango' && e.fatalities === 2), all);
});

test('the country in brackets after a dateline is the filing place\'s, no place of the story', () => {
  const text = 'BRASILIA (BRAZIL), 2 JUN 89 (DOMESTIC SERVICE) -- [TEXT] GUERRILLAS RELEASED THREE ENGINEERS WHO WERE KIDNAPPED A MONTH AGO IN BOGOTA.';
  const span = datelineCountrySpan(text);
  assert.equal(span && text.slice(...span), 'BRAZIL');
  const { doc } = extractor.extract({ text, date: '1989-06-02', origin: { file: 'inline' } });
  assert.ok(!doc.places.some((p) => p.start === span![0]), doc.places.map((p) => p.entry.name).join('; '));
  assert.equal(datelineCountrySpan('SAN SALVADOR, 3 JAN 90 (ACAN-EFE) -- [TEXT] ...'), undefined);
});

test('of two days in a sentence, the event takes the one nearest its event word', () => {
  for (const text of [
    'SAN SALVADOR, 29 AUG 89 (RADIO) -- [TEXT] THE ARMY TODAY RELEASED THE NAMES OF TWO FARMERS WHO WERE KILLED BY GUERRILLAS ON 25 AUGUST IN SONSONATE.',
    'San Salvador, 29 Aug 89 (Radio) -- The army today released the names of two farmers who were killed by guerrillas on 25 August in Sonsonate.',
  ]) {
    const events = eventsOf(text, '1989-08-29');
    assert.ok(events.length > 0, text);
    assert.deepEqual(events.map((e) => e.event_date), ['1989-08-25'], events.map(brief).join('; '));
  }
});

/** Asserts that each text's first event has the type. */
function assertFirstType(texts: readonly string[], eventType: string): void {
  for (const text of texts) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.event_type, eventType, events.map(brief).join('; '));
  }
}

test('a bombing told with the army and the police of one state is no battle between them', () => {
  assertFirstType([
    'CONCEPCION, 14 FEB 90 (RADIO COOPERATIVA) -- [TEXT] UNIDENTIFIED INDIVIDUALS PLANTED A BOMB IN FRONT OF A CHURCH IN TALCAHUANO TODAY. THE BOMB EXPLODED AND DAMAGED THE ROOF OF THE CHURCH. ' +
      'ARMY SPECIAL FORCES LATER RAIDED THE AREA TO ARREST THOSE RESPONSIBLE FOR THE ATTACK. THE POLICE HAVE INFORMED THE COURT OF THIS ATTACK.',
    'On 14 February 1990, a car bomb exploded near a bank in Bogota, killing four pedestrians. The police and the army later raided a house in the south of the city to arrest those responsible for the attack.',
  ], 'Explosions/Remote violence');
  // (Soldiers and police who are attacked by rebels still fight a battle.)
  assertFirstType(['On 14 February 1990, FMLN rebels attacked soldiers and policemen guarding a bridge near Apopa; two soldiers were killed.'], 'Battles');
});

// What the first sentence tells alone is the report's event, whatever comes in later sentences.
const FIRST_SENTENCE_CASES: [string, string[], string][] = [
  ['a murder, though fighting comes later', [
    'SAN SALVADOR, 16 NOV 89 (RADIO CADENA) -- [TEXT] THE ARMED FORCES TODAY CONDEMNED THE MURDER OF A UNIVERSITY RECTOR BY FMLN GUERRILLAS IN SAN SALVADOR. THE ARMED FORCES HAVE REPELLED THE GUERRILLAS IN SEVERAL NEIGHBORHOODS OF THE CAPITAL.',
    'On 14 February 1990, gunmen murdered a journalist in Medellin. Troops later clashed with the gunmen near the city.',
  ], 'Violence against civilians'],
  // (Fighting told first stays the event: the murder is what it followed.)
  ['fighting, though a murder comes after it', ['On 14 February 1990, soldiers clashed with rebels near Medellin after the rebels murdered a journalist.'], 'Battles'],
  ['a killing by gun, though a bombing comes later', [
    'LA PAZ, 25 MAY 89 (DPA) -- [TEXT] TWO FOREIGN MISSIONARIES WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF TERRORISTS IN LA PAZ. THE GROUP ALSO CLAIMED CREDIT FOR THE DYNAMITE BOMBING OF A BANK IN EL ALTO.',
  ], 'Violence against civilians'],
  // (State forces who shot a man dead after a shootout fought him.)
  ['a killing by state forces after a shootout', ['On 18 August 2014, police shot dead a wanted militant in Bamburi, Mombasa. He had engaged officers in a shootout from his hideout before he was killed.'], 'Battles'],
  ['violence, though a protest about it comes later', [
    'SAN SALVADOR, 19 MAR 89 (RADIO VENCEREMOS) -- [TEXT] TWO REPORTERS WERE SHOT BY TROOPS IN SOYAPANGO LAST NIGHT. WE SUPPORT THE JOURNALISTS PROTEST AND URGE THE PEOPLE TO REPUDIATE THIS ACTION.',
    'On 5 May 2015, unidentified assailants killed a trader in Garissa town. Protests against the killing continued throughout the day.',
  ], 'Violence against civilians'],
  // (Protesters shot in the first sentence are the crowd's event.)
  ['protesters shot', ['On 5 May 2015, police shot dead two protesters in Garissa town. The protest had been called over land.'], 'Protests'],
];

for (const [title, texts, eventType] of FIRST_SENTENCE_CASES) {
  test(`the first sentence's event: ${title}`, () => assertFirstType(texts, eventType));
}

test('a person a relative clause tells murdered is one dead; not a death named before, nor a crowd\'s cause', () => {
  // (Invented reports.)
  const dead = (text: string, date = '1990-03-10') => eventsOf(text, date).map((e) => e.fatalities);
  assert.deepEqual(dead('QUITO, 10 MAR 90 (EFE) -- [TEXT] THE POLICE DETAINED 40 PEOPLE IN A SEARCH FOR THE KILLERS OF FORMER GOVERNOR MARIO VACA ORTIZ, WHO WAS MURDERED IN A TERRORIST ATTACK YESTERDAY.'), [1]);
  assert.deepEqual(dead('Quito, 10 Mar 90 (EFE) -- [Text] The police detained 40 people in a search for the killers of the judge, who was murdered in a bomb attack yesterday.'), [1]);
  assert.ok(dead('On 9 March, teachers marched peacefully in Quito demanding justice for the death of their colleague, Mario Vaca Ortiz, who was found dead in a forest.').every((f) => f === 0));
  assert.ok(dead('In the hometown of journalist Mario Vaca Ortiz, who was killed in 1988, riots broke out on 9 March. Rioters torched cars in Quito.').every((f) => f === 0));
});

test('a count before a killing verb with a person named after it counts the killers, not the dead', () => {
  // (Invented reports.)
  const dead = (text: string) => eventsOf(text, '1990-03-10').map((e) => e.fatalities);
  assert.deepEqual(dead('CALI, 10 MAR 90 (DPA) -- [TEXT] LAST NIGHT SEVERAL GUNMEN KILLED ANTONIO PEREZ MOLINA, A RADIO REPORTER, IN CALI.'), [1]);
  assert.deepEqual(dead('Cali, 10 Mar 90 (DPA) -- [Text] Last night four hooded men shot dead Antonio Perez Molina, a radio reporter, in Cali.'), [1]);
  assert.deepEqual(dead('Three soldiers killed Tuesday in Cali, the army said.'), [3]);
});

test('a bridge or a pylon that was blown up is an explosion (irregular past of "blow up")', () => {
  assertFirstType([
    'BOGOTA, 5 JAN 90 (AFP) -- [TEXT] IN ANOTHER ACT OF VIOLENCE, SIX PEOPLE WERE KILLED NEAR MEDELLIN. REBELS BLEW UP A BRIDGE AS A BUS WAS CROSSING IT.',
    'On 5 January 1990, two electricity pylons were blown up near Usulutan, cutting power to the town.',
  ], 'Explosions/Remote violence');
});

test('a killing told as years ago is background, not a side of the day\'s bombing', () => {
  assertFirstType([
    'LIMA, 5 JAN 90 (EFE) -- [TEXT] TERRORISTS TONIGHT BOMBED AN EMBASSY IN LIMA. THE BOMB CAUSED DAMAGE BUT NO INJURIES. IN ANOTHER INCIDENT 3 YEARS AGO, A MILITANT WAS KILLED BY EMBASSY GUARDS INSIDE THE COMPOUND.',
  ], 'Explosions/Remote violence');
});

test('an attack with explosives is an explosion, and damage told in a passive whose auxiliary is left out is the device\'s', () => {
  assertFirstType([
    'SAN SALVADOR, 5 JAN 90 (RADIO CADENA) -- [TEXT] THE ATTACK WITH EXPLOSIVES PERPETRATED BY UNIDENTIFIED INDIVIDUALS AGAINST THE OFFICE OF A TRADE UNION LEFT TWO WOUNDED.',
    'On 5 January 1990, unidentified men planted explosives at the door of a bank in Cali; the front of the building collapsed.',
    'BOGOTA, 5 JAN 90 (RADIO CADENA NACIONAL) -- [TEXT] PEREIRA -- TWO PERSONS WERE INJURED DURING A TERRORIST WAVE THAT HIT PEREIRA LAST NIGHT. TWO BOMBS EXPLODED AT THE DOORS OF TWO BANKS. ' +
      'THE RESIDENTS OF THE AREA WERE SHAKEN BY THE EXPLOSIONS. GLASS WAS BROKEN AND OFFICE FURNITURE AND EQUIPMENT DESTROYED AT BOTH BANKS.',
  ], 'Explosions/Remote violence');
});

test('an armed group that alone acts "to protest" something attacks; it makes no demonstration or riot', () => {
  assertFirstType([
    'POPAYAN, 5 JAN 90 (RADIO CADENA NACIONAL) -- [TEXT] FARC GUERRILLAS HAVE CARRIED OUT ATTACKS IN CAUCA DEPARTMENT TO PROTEST THE ARREST OF THEIR COMMANDER. THE FARC GUERRILLAS BLEW UP A POWER PYLON NEAR PATIA AND BURNED THREE VEHICLES ON THE HIGHWAY.',
  ], 'Explosions/Remote violence');
  assertFirstType(['On 5 January 1990, FARC rebels burned three buses near Patia, Cauca, to protest the extradition of their commander.'], 'Strategic developments');
  // (Demonstrators who burn tyres to protest riot.)
  assertFirstType(['On 5 January 1990, demonstrators burned tyres on the highway near Patia, Cauca, to protest the extradition of a local leader.'], 'Riots');
});

test('one person joined by "and" to a count of the dead is one more; the parts after "including" are not', () => {
  // (Invented reports.)
  const dead = (text: string) => eventsOf(text, '1990-03-10').map((e) => e.fatalities);
  assert.deepEqual(dead('LIMA, 10 MAR 90 (EFE) -- [TEXT] THREE POLICEMEN AND A CIVILIAN WERE KILLED WHEN A CAR BOMB EXPLODED IN LIMA TODAY.'), [4]);
  assert.deepEqual(dead('Lima, 10 Mar 90 (EFE) -- [Text] The mayor was wounded today in an attack in Lima in which his driver and one of his bodyguards were killed.'), [2]);
  assert.deepEqual(dead('On 9 March 1990, 4 persons, including a student and a shop worker, were killed in clashes in Lima.'), [4]);
  assert.deepEqual(dead('On 9 March 1990, a bomb hit the house of a farmer and two children were killed in Lima.'), [2]);
});

test('a killing told as a cause counts its dead only for an event dated by the killing\'s own day', () => {
  // (Invented reports.)
  const dead = (text: string, date: string) => eventsOf(text, date).map((e) => e.fatalities);
  assert.deepEqual(dead('LIMA, 20 NOV 89 (EFE) -- [TEXT] MANY FOREIGNERS HAVE LEFT THE COUNTRY AFTER THE 12 NOVEMBER ASSASSINATION OF FOUR FRENCH NUNS.', '1989-11-20'), [4]);
  assert.deepEqual(dead('Lima, 20 Nov 89 (EFE) -- [Text] Many foreigners have left the country following the murder of four French nuns who were shot on 12 November.', '1989-11-20'), [4]);
  assert.deepEqual(dead('On 14 March, villagers attacked the houses of the suspects in Lima following the murder of a farmer over a land dispute.', '2017-03-15'), [0]);
  assert.deepEqual(dead('On 31 December 2022, following the killing of a rickshaw driver, locals vandalized the houses of the accused in Magura.', '2022-12-31'), [0]);
});

test('"military regimes" and "military dictatorships" name no forces: a killing told beside them is one-sided', () => {
  const events = eventsOf('GUATEMALA CITY, 5 JAN 90 (ACAN-EFE) -- [TEXT] THE PRESIDENT SAID THAT THOSE WHO KILLED THE FORMER AMBASSADOR SEEK TO DESTABILIZE DEMOCRACY AFTER 2 DECADES OF MILITARY REGIMES. THE FORMER AMBASSADOR WAS GUNNED DOWN BY UNIDENTIFIED PERSONS NEAR HIS HOME. THE ATTACKERS FIRED AT HIM FROM A CAR.');
  assert.ok(events.length > 0);
  assert.equal(events[0]!.event_type, 'Violence against civilians', events.map(brief).join('; '));
  assert.ok(events.every((e) => !/^Military Forces/.test(e.actor2 ?? '')), events.map((e) => e.actor2).join('; '));
});

test('the one killed is found past a long apposition between commas', () => {
  // (Invented reports.)
  const dead = (text: string) => eventsOf(text, '1989-09-11').map((e) => e.fatalities);
  assert.deepEqual(dead('CALI, 11 SEP 89 (EFE) -- [TEXT] A FORMER MAYOR WAS MURDERED TODAY IN CALI. THE DRIVER OF THE VEHICLE, WHOM THE AUTHORITIES HAVE NOT YET IDENTIFIED, WAS ALSO KILLED IN THE ATTACK.'), [2]);
  assert.deepEqual(dead('Cali, 11 Sep 89 (EFE) -- [Text] Last night Antonio Perez, director of a radio newscast in the southern city of Cali, was killed by unidentified persons.'), [1]);
});

test('who found a body is no agent of the killing ("the body was found yesterday by residents")', () => {
  assertFirstType([
    'SAN SALVADOR, 5 JAN 90 (ACAN-EFE) -- [TEXT] THE BODY OF AN UNIDENTIFIED MAN WAS FOUND ON 4 JANUARY ON A ROAD NEAR SAN SALVADOR. HIS HANDS WERE TIED. THE BODY WAS FOUND YESTERDAY BY RESIDENTS OF THE AREA, WHO SAID THEY HEARD SHOTS AT MIDNIGHT.',
    'On 5 January 1990, the bodies of two men were discovered by villagers near Usulutan; both had been shot.',
  ], 'Violence against civilians');
});

test('a killing someone is blamed for counts its dead when the event is the killing; a charge does not', () => {
  // (Invented reports.)
  const dead = (text: string) => eventsOf(text, '1989-06-30').map((e) => e.fatalities);
  assert.deepEqual(dead('SAN SALVADOR, 30 JUN 89 (CANAL SEIS) -- [TEXT] THE PRESIDENT HAS BLAMED THE GUERRILLAS FOR THE MURDER OF JOURNALIST MARIO VACA ORTIZ AND SAID HE WILL STILL TALK WITH THE REBELS.'), [1]);
  assert.deepEqual(dead('San Salvador, 30 Jun 89 (Canal Seis) -- [Text] The president holds the guerrillas responsible for the assassination of Dr Mario Vaca Ortiz and called the attack an attempt to hinder dialogue.'), [1]);
  assert.ok(dead('San Salvador, 30 Jun 89 (Canal Seis) -- [Text] The police arrested two men for the murder of journalist Mario Vaca Ortiz.').every((f) => f === 0));
});

test('fighting told after a bombing of the day is an event of its own, not the bombing\'s', () => {
  const text =
    'SAN MARCOS, 9 FEB 90 (RADIO CADENA) -- [TEXT] URBAN COMMANDOS TODAY THREW BOMBS AT THE CUSTOMS BUILDING IN SAN MARCOS. ONE OF THE BOMBS HIT A HOUSE, INJURING A WOMAN AND HER SON. ' +
    'THE CUSTOMS OFFICIALS SAID THE DAMAGE WAS LIGHT. THE POLICE HAVE OPENED AN INVESTIGATION. ' +
    'MEANWHILE, THE ARMY AND THE GUERRILLAS CLASHED IN SAN MARCOS AND IN CHALATENANGO DEPARTMENT. THREE GUERRILLAS WERE KILLED IN THOSE CLASHES, A MILITARY SPOKESMAN SAID. ' +
    'ONE OF THE CLASHES LASTED 2 HOURS. TRAFFIC WAS NORMAL IN THE CAPITAL.';
  const events = eventsOf(text, '1990-02-09');
  const types = events.map((e) => e.event_type);
  assert.ok(types.includes('Explosions/Remote violence'), events.map(brief).join('; '));
  assert.ok(types.includes('Battles'), events.map(brief).join('; '));
});

test('a bomb told after fighting stays the battle\'s weapon', () => {
  const text =
    'Fighters of the two sides clashed for hours on the edge of the town on Sunday, a monitor said. The army shelled the positions held by the rebels. ' +
    'Roadside bombs planted by the rebels slowed the advance of the troops. The monitor said nine fighters were killed. ' +
    'Aid agencies said hundreds of families had fled. Schools stayed shut. The town had been calm for a year.';
  const events = eventsOf(text, '2021-05-03');
  assert.ok(events.length > 0);
  assert.ok(!events.some((e) => e.event_type === 'Explosions/Remote violence' && e.sub_event_type === 'Remote explosive/landmine/IED'), events.map(brief).join('; '));
});

test('explosives hurled at a place are a grenade-like explosion, not an assault', () => {
  const events = eventsOf('HUANCAVELICA, 9 FEB 90 (RADIO PROGRAMAS) -- [TEXT] TERRORISTS HURLED EXPLOSIVES AT A BUS STATION IN HUANCAVELICA TODAY, INJURING SIX PEOPLE.', '1990-02-09');
  assert.ok(events.length > 0);
  assert.deepEqual(events.map((e) => `${e.event_type} | ${e.sub_event_type}`), ['Explosions/Remote violence | Grenade']);
});

const fatalitiesOf = (text: string, date = '1990-02-14') => eventsOf(text, date).map((e) => e.fatalities);

test('ages joined after "aged" are no count, and an aside between dashes leaves the count its verb', () => {
  for (const text of [
    'LA PAZ, 14 FEB 90 (DPA) -- [TEXT] TWO U.S. MISSIONARIES -- AGED 19 AND 21 -- WERE SHOT TO DEATH LAST NIGHT BY A GROUP OF GUNMEN.',
    'La Paz, 14 Feb 90 (DPA) -- [Text] Three farmers, aged 30 to 45, were shot dead last night by a group of gunmen.',
  ]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.fatalities, /three/i.test(text) ? 3 : 2, events.map(brief).join('; '));
  }
});

test('a title\'s full stop before a surname: "Mr. Ortega was killed" is one dead', () => {
  for (const text of [
    'QUITO, 14 FEB 90 (RADIO QUITO) -- [TEXT] GUNMEN FIRED ON A BOAT ON THE NAPO RIVER. MR. ORTEGA WAS KILLED AND MR. SALAS WAS WOUNDED.',
    'Quito, 14 Feb 90 (Radio Quito) -- [Text] Gunmen fired on a boat on the Napo River. Mr. Ortega was killed and Mr. Salas was wounded.',
  ]) assert.deepEqual(fatalitiesOf(text), [1], text);
});

test('the lives people have ("whose lives are endangered") are no toll', () => {
  const text = 'SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] GUNMEN KILLED FOUR TEACHERS IN SAN SALVADOR ON 12 FEBRUARY. THE AMBASSADOR SAID HE WILL EVACUATE ABOUT 30 CITIZENS WHOSE LIVES ARE AT RISK.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.fatalities === 0 || e.fatalities === 4), events.map((e) => `${brief(e)} ${e.fatalities}`).join('; '));
  assert.ok(events.some((e) => e.fatalities === 4));
});

test('a group\'s toll "in previous attacks" is no count of the day\'s bombing', () => {
  const text = 'LIMA, 14 FEB 90 (EFE) -- [TEXT] SIX TOURISTS WERE INJURED TODAY WHEN A BOMB EXPLODED INSIDE A BUS IN LIMA. POLICE BLAMED THE GUERRILLAS, WHO HAVE KILLED SEVERAL FOREIGNERS IN PREVIOUS ATTACKS IN THE CITY.';
  const events = eventsOf(text);
  assert.ok(events.length > 0);
  assert.equal(events[0]!.fatalities, 0, events.map((e) => `${brief(e)} ${e.fatalities}`).join('; '));
});

test('the others listed with the first one killed die too; an apposition is no one more', () => {
  const cases: [string, number][] = [
    ['LIMA, 14 FEB 90 (EFE) -- [TEXT] GUERRILLAS KILLED A UNIVERSITY PROFESSOR, A POLICEMAN, AND A PEDESTRIAN IN HUANCAYO TODAY.', 3],
    ['Lima, 14 Feb 90 (EFE) -- [Text] Guerrillas killed a university professor, a policeman, and a pedestrian in Huancayo today.', 3],
    ['BOGOTA, 14 FEB 90 (RCN) -- [TEXT] GUNMEN KILLED JOSE PEREZ, A TEACHER, AND HIS WIFE IN MEDELLIN TODAY.', 2],
    ['Bogota, 14 Feb 90 (RCN) -- [Text] Gunmen killed a policeman, a witness said, in Medellin today.', 1],
  ];
  for (const [text, dead] of cases) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.equal(events[0]!.fatalities, dead, `${text}: ${events.map((e) => `${brief(e)} ${e.fatalities}`).join('; ')}`);
  }
});

test('a killing named as a noun counts everyone listed after "of"', () => {
  const text = 'MEDELLIN, 14 FEB 90 (RCN) -- [TEXT] THE JUDGES INVESTIGATING THE MURDERS OF THE GOVERNOR OF ANTIOQUIA, ANOTHER JUDGE, AND THE ANTIOQUIA POLICE COMMANDER RESIGNED TODAY.';
  const events = eventsOf(text);
  assert.ok(events.some((e) => e.fatalities === 3), events.map((e) => `${brief(e)} ${e.fatalities}`).join('; '));
});

test('a count "along with" the one killed died with him', () => {
  for (const text of [
    'SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] MINISTER JOSE RODRIGUEZ, 65, WAS KILLED THIS MORNING NEAR HIS HOME IN SAN SALVADOR, ALONG WITH TWO OF HIS BODYGUARDS.',
    'San Salvador, 14 Feb 90 (EFE) -- [Text] The driver was shot dead in San Salvador this morning together with two passengers.',
  ]) assert.deepEqual(fatalitiesOf(text), [3], text);
  // (Not a count beside an arrest.)
  const arrest = 'Kano, 14 Feb 90 (AFP) -- [Text] Police arrested the suspect along with two accomplices in Kano after a man was killed.';
  assert.ok(eventsOf(arrest).every((e) => e.fatalities <= 1));
});

/** Sentences that tell nothing, so that a report is read as an article (more than six sentences). */
const ARTICLE_TAIL =
  ' THE AUTHORITIES HAVE OPENED AN INVESTIGATION. THE MAYOR CALLED FOR CALM. SCHOOLS REMAINED OPEN TODAY. THE MINISTER WILL TRAVEL TO THE CITY TOMORROW. THE CITY HAS A POPULATION OF TWO MILLION.';

test('a device defused and another that went off, of one day and place, are two events', () => {
  const text =
    'QUITO, 14 FEB 90 (EFE) -- [TEXT] THE POLICE REPORTED THAT TWO DYNAMITE CHARGES EXPLODED LAST NIGHT AND DESTROYED A POWER PYLON IN GUAYAQUIL. ' +
    'THERE WERE NO CASUALTIES. A POLICE SQUAD DEFUSED A THIRD BOMB THAT HAD BEEN PLANTED IN FRONT OF A BANK IN GUAYAQUIL.' + ARTICLE_TAIL;
  const events = eventsOf(text);
  const types = events.map((e) => e.sub_event_type);
  assert.ok(types.includes('Remote explosive/landmine/IED'), events.map(brief).join('; '));
  assert.ok(types.includes('Disrupted weapons use'), events.map(brief).join('; '));
  assert.equal(events[0]!.sub_event_type, 'Remote explosive/landmine/IED');
});

test('an attack that killed and a device defused at the scene are two events', () => {
  const text =
    'BOGOTA, 14 FEB 90 (RADIO CARACOL) -- [TEXT] GUNMEN KILLED TWO PEOPLE AND WOUNDED FIVE TODAY IN AN ATTACK ON A MARKET IN CALI. ' +
    'THE POLICE LATER DEFUSED AN EXPLOSIVE DEVICE AT THE SAME MARKET IN CALI.' + ARTICLE_TAIL;
  const types = eventsOf(text).map((e) => e.sub_event_type);
  assert.ok(types.includes('Disrupted weapons use'), types.join('; '));
  assert.ok(types.some((t) => t !== 'Disrupted weapons use'), types.join('; '));
});

test('a device defused alone stays one event', () => {
  const text = 'LIMA, 14 FEB 90 (EFE) -- [TEXT] A POLICE SQUAD DEFUSED A BOMB PLANTED IN FRONT OF THE CITY HALL IN TRUJILLO. NOBODY WAS HURT.' + ARTICLE_TAIL;
  const events = eventsOf(text);
  assert.equal(events.length, 1, events.map(brief).join('; '));
  assert.equal(events[0]!.sub_event_type, 'Disrupted weapons use');
});

test('a generic acronym inside a place name names no force ("Santa Ana" holds no "ANA")', () => {
  const [e] = eventsOf('SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] UNIDENTIFIED MEN KILLED TWO PRIESTS TODAY IN SANTA ANA.');
  assert.ok(e, 'an event');
  assert.equal(e.event_type, 'Violence against civilians');
  assert.equal(e.location, 'Santa Ana');
  assert.ok(!/Military|Police/.test(`${e.actor1} ${e.actor2}`), `${e.actor1} | ${e.actor2}`);
});

test('unnamed guerrillas who burn property with no one attacked destroy property; no crowd riots', () => {
  const [e] = eventsOf('BOGOTA, 14 FEB 90 (EFE) -- [TEXT] THE GUERRILLAS BURNED THREE VEHICLES TODAY ON THE HIGHWAY NEAR PASTO.');
  assert.ok(e, 'an event');
  assert.equal(e.sub_event_type, 'Looting/property destruction');
  assert.match(e.actor1, /Unidentified Armed Group/);
});

test('in an article, insurgents told before the story names their group are that group; in a short note, not', () => {
  const [e] = eventsOf('SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] REBELS ATTACKED A BUS TODAY NEAR SANTA ANA, WOUNDING FIVE PASSENGERS. THE ATTACKERS BELONGED TO THE FMLN.' + ARTICLE_TAIL);
  assert.ok(e, 'an event');
  assert.match(e.actor1, /^FMLN/);
  const [n] = eventsOf('SAN SALVADOR, 14 FEB 90 (EFE) -- [TEXT] REBELS ATTACKED A BUS TODAY NEAR SANTA ANA, WOUNDING FIVE PASSENGERS. THE SOURCE RECALLS EARLIER FMLN ATTACKS IN THE AREA.');
  assert.ok(n && !/^FMLN/.test(n.actor1), n?.actor1);
});

test('generic insurgents told before two named groups stay unnamed', () => {
  const events = eventsOf('LIMA, 14 FEB 90 (EFE) -- [TEXT] REBELS ATTACKED A BUS TODAY NEAR HUANCAYO, WOUNDING FIVE PASSENGERS. THE POLICE SUSPECT THE SHINING PATH OR THE MRTA.' + ARTICLE_TAIL);
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => !/^(?:PCP-SL|MRTA)/.test(e.actor1)), events.map((e) => e.actor1).join('; '));
});

// A long wire report whose plain bomb ("two bombs", "a bomb") went off or did harm, with no one
// named as its planter: violence all the same, as a named device ("a car bomb") is.
const LONG_OPENING =
  'LIMA, 14 FEB 90 (RADIO PANAMERICANA) -- [TEXT] THE CABINET MET TODAY TO DISCUSS THE NEW BUDGET FOR THE COMING YEAR. ' +
  'THE MINISTER OF ECONOMY SAID THAT THE INFLATION RATE HAD FALLEN FOR THE THIRD MONTH. ' +
  'BANKERS WELCOMED THE FIGURES, WHICH WILL BE PUBLISHED NEXT WEEK. ' +
  'THE PRESIDENT IS EXPECTED TO TRAVEL TO QUITO ON FRIDAY FOR A REGIONAL SUMMIT. ';

test('a plain bomb that went off in a long wire report is an explosion', () => {
  for (const told of [
    'TWO BOMBS EXPLODED LAST NIGHT OUTSIDE A SUPERMARKET IN THE DISTRICT OF MIRAFLORES, BREAKING WINDOWS.',
    'THE OFFICES OF A NEWSPAPER IN MIRAFLORES WERE DAMAGED BY A BOMB ON 12 FEBRUARY.',
  ]) {
    const events = eventsOf(LONG_OPENING + told + ' THE MINISTER ALSO SPOKE ABOUT EXPORTS.');
    assert.ok(events.some((e) => e.event_type === 'Explosions/Remote violence'), told + ': ' + events.map(brief).join('; '));
  }
});

test('a bomb only spoken of in a long wire report is no event', () => {
  for (const told of [
    'THE NEWS OF THE BUDGET CUT WAS A BOMBSHELL FOR THE MINISTRY.',
    'THE MINISTER SAID THE BUDGET WAS NOT A BOMB THAT WOULD EXPLODE IN THE HANDS OF THE NEXT GOVERNMENT.',
  ]) {
    const events = eventsOf(LONG_OPENING + told + ' THE MINISTER ALSO SPOKE ABOUT EXPORTS.');
    assert.deepEqual(events.map(brief), [], told);
  }
});

test('a death told as the time of something else ("before her husband was killed") is the death told before', () => {
  const text = 'AYACUCHO, 14 FEB 90 (EFE) -- [TEXT] THE POLICE REPORTED THAT TOMAS RIVAS, A LEADER OF THE RULING PARTY, WAS SHOT DEAD BY TERRORISTS IN AYACUCHO TODAY. RIVAS\' WIFE TOLD THE POLICE THAT BEFORE HER HUSBAND WAS KILLED, THE HOODED MEN SHOUTED SLOGANS.';
  assert.deepEqual(fatalitiesOf(text), [1]);
});

test('a person named, then an apposition between commas, before "died" is one dead; a group the apposition names is no side', () => {
  const brief3 = (e: AcledEvent) => [e.event_type, e.fatalities, e.actor1, e.actor2];
  for (const text of [
    'BOGOTA, 14 FEB 90 (AFP) -- [TEXT] JUAN LOPEZ, PRESIDENTIAL CANDIDATE FOR THE DISBANDED M-19 GUERRILLA GROUP, DIED IN HOSPITAL TODAY AFTER BEING SHOT ABOARD A BUS, HIS BROTHER SAID. A GUNMAN FIRED AT THE CANDIDATE ABOARD THE BUS.',
    'Bogota, 14 Feb 90 (AFP) -- [Text] Gunmen fired on a bus in Bogota today. Another passenger, Juan Lopez, a candidate of the disbanded M-19 guerrilla group, died in hospital.',
  ]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.ok(events.some((e) => e.fatalities === 1), events.map((e) => brief3(e).join(' | ')).join('; '));
    assert.ok(events.every((e) => e.event_type === 'Violence against civilians' && !/M-19/.test(`${e.actor1} ${e.actor2}`)), events.map((e) => brief3(e).join(' | ')).join('; '));
  }
});

test('a place after "from" in an apposition after a name is the person\'s hometown, not where the killing happened', () => {
  const text =
    'BOGOTA, 6 SEP 89 (RADIO) -- [TEXT] MARIA LUISA PEREZ TORRES, A 35-YEAR-OLD WOMAN FROM CALI, WAS MURDERED AT 1500 THIS AFTERNOON. ' +
    'SHE HAD JUST LEFT A SHOP IN NORTHERN BOGOTA WHEN A GUNMAN APPROACHED HER AND SHOT HER IN THE HEAD.';
  const events = eventsOf(text, '1989-09-06');
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.location !== 'Cali'), events.map((e) => `${e.location} ${e.fatalities}`).join('; '));
  assert.ok(events.some((e) => e.fatalities === 1), events.map((e) => `${e.location} ${e.fatalities}`).join('; '));
});

test('"<armed group> members" who burn a building are the group, not a crowd rioting', () => {
  for (const text of [
    'HUANCAYO, 14 FEB 90 (EFE) -- [TEXT] POLICE SOURCES SAID THAT MRTA MEMBERS SET THE TOWN HALL OF PALCA ON FIRE LAST NIGHT, DESTROYING ALL ITS RECORDS.',
    'Huancayo, 14 Feb 90 (EFE) -- [Text] Police sources said that Shining Path members set the town hall of Palca on fire last night, destroying all its records.',
  ]) {
    const events = eventsOf(text);
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => e.event_type !== 'Riots' && e.event_type !== 'Protests' && !/Rioters|Protesters/.test(`${e.actor1}`)), events.map((e) => `${brief(e)} | ${e.actor1}`).join('; '));
  }
});

test('a crowd word told only of the victims ("two villagers were shot") does not make the men who shot them a crowd', () => {
  const events = eventsOf('SAN MIGUEL, 16 NOV 89 (AFP) -- [TEXT] TWO VILLAGERS WERE SHOT DEAD IN SAN MIGUEL TODAY. SOME 10 MEN IN UNIFORMS SHOT THEM IN THEIR HOMES.', '1989-11-16');
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.event_type === 'Violence against civilians'), events.map((e) => `${brief(e)} | ${e.actor1}`).join('; '));
});

test('the forces that lay a deed on someone ("the police have attributed the attacks to ...") are its source, not a side', () => {
  for (const text of [
    'LIMA, 25 MAR 90 (EFE) -- [TEXT] THREE BANKS IN LIMA WERE BOMBED LAST NIGHT. UP TO NOW THE POLICE HAVE ATTRIBUTED THE ATTACKS TO THE MRTA.',
    'Lima, 25 Mar 90 (EFE) -- [Text] Three banks in Lima were bombed last night. The police attributed the attacks to the MRTA.',
  ]) {
    const events = eventsOf(text, '1990-03-25');
    assert.ok(events.length > 0, text);
    assert.ok(events.every((e) => !/Police/.test(`${e.actor1} ${e.actor2}`)), events.map((e) => `${e.actor1} > ${e.actor2}`).join('; '));
  }
});

test('"military targets", "military actions": the word of the forces only qualifies a noun, no side of a bombing', () => {
  const text = 'San Salvador, 24 Oct 88 (Radio) -- [Text] A car bomb went off outside a shopping mall in San Salvador today, injuring four people. The FMLN says it is attacking military targets, but a shopping mall is not a military target.';
  const events = eventsOf(text, '1988-10-24');
  assert.ok(events.length > 0);
  assert.ok(events.every((e) => e.event_type === 'Explosions/Remote violence' && !/Military/.test(`${e.actor1} ${e.actor2}`)), events.map((e) => `${brief(e)} | ${e.actor1} > ${e.actor2}`).join('; '));
});

test('a casualty told apart on the day of a report of explosions, with no deed of its own, is hurt by the explosions', () => {
  const text = 'SAN SALVADOR, 13 NOV 89 (RADIO) -- [TEXT] A PLANE DROPPED A BOMB ON A HOME IN SAN MIGUEL THIS MORNING, DESTROYING IT. A 12-YEAR-OLD GIRL WAS INJURED IN SOYAPANGO.';
  const events = eventsOf(text, '1989-11-13');
  assert.ok(events.some((e) => e.location === 'Soyapango'), events.map(brief).join('; '));
  assert.ok(events.every((e) => e.event_type === 'Explosions/Remote violence'), events.map(brief).join('; '));
});

test('people a crowd word describes ("attacked by people said to be his rival\'s supporters") are a crowd', () => {
  const events = eventsOf('A party official was admitted to hospital in Nakuru after he was attacked by people said to be his rival\'s supporters on Sunday.', '2018-02-05');
  assert.ok(events.length > 0);
  assert.equal(events[0]!.event_type, 'Riots', events.map(brief).join('; '));
});

test('a bomb told going off is an explosion, though the bomb squad is later told discovering what it was made of', () => {
  const went = 'CONCEPCION, 23 AUG 88 (RADIO) -- [TEXT] POLICE SOURCES HAVE REPORTED THAT UNIDENTIFIED INDIVIDUALS PLANTED A BOMB AT A CHAPEL IN TALCAHUANO LAST NIGHT. THE BOMB, WHICH EXPLODED AND CAUSED PROPERTY DAMAGE, WAS PLACED AT THE DOOR OF THE CHAPEL. BOMB SQUAD PERSONNEL LATER DISCOVERED THAT THE BOMB WAS MADE OF DYNAMITE.';
  assert.deepEqual(eventsOf(went, '1988-08-23').map((e) => e.sub_event_type), ['Remote explosive/landmine/IED']);
  const found = 'CONCEPCION, 23 AUG 88 (RADIO) -- [TEXT] A BOMB WAS FOUND AT A CHAPEL IN TALCAHUANO LAST NIGHT BEFORE IT EXPLODED. BOMB SQUAD PERSONNEL DEFUSED IT.';
  assert.deepEqual(eventsOf(found, '1988-08-23').map((e) => e.sub_event_type), ['Disrupted weapons use']);
});
