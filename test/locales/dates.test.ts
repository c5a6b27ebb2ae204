import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../src/common/doc.js';
import { recogniseDates } from '../../src/locales/en/dates/index.js';
import { tokenize } from '../../src/locales/en/tokenizer.js';

function dates(text: string, published?: string) {
  const doc = new Doc('t', text, { date: published });
  tokenize(doc);
  recogniseDates(doc);
  return doc.dates.map((d) => ({ text: d.text, date: d.date, precision: d.precision }));
}

test('weekdays resolve to the latest such day on or before publication (Monday 2022-01-24)', () => {
  assert.deepEqual(dates('It started on Thursday and went on Friday.', '2022-01-24'), [
    { text: 'on Thursday', date: '2022-01-20', precision: 1 },
    { text: 'on Friday', date: '2022-01-21', precision: 1 },
  ]);
  assert.equal(dates('Police said on Monday', '2022-01-24')[0]!.date, '2022-01-24');
  assert.equal(dates('last Monday', '2022-01-24')[0]!.date, '2022-01-17');
  assert.equal(dates('talks next Thursday', '2022-01-24')[0]!.date, '2022-01-27');
});

test('week and month windows carry time_precision 2 and 3', () => {
  assert.deepEqual(dates('Fighting last week', '2022-01-24')[0], { text: 'last week', date: '2022-01-20', precision: 2 });
  assert.equal(dates('over the weekend', '2022-01-24')[0]!.date, '2022-01-22');
  assert.deepEqual(dates('clashes in January', '2022-02-10')[0], { text: 'January', date: '2022-01-15', precision: 3 });
  assert.deepEqual(dates('in late December', '2022-02-10')[0], { text: 'late December', date: '2021-12-31', precision: 3 });
});

test('relative days', () => {
  assert.equal(dates('killed yesterday', '2022-01-24')[0]!.date, '2022-01-23');
  assert.equal(dates('three days ago', '2022-01-24')[0]!.date, '2022-01-21');
  // (Years ago are a year, vague as 'last year': an event told so is background.)
  const years = new Doc('t', 'The group bombed a market two years ago.', { date: '2022-01-24' });
  tokenize(years);
  recogniseDates(years);
  assert.deepEqual(years.dates.map((d) => [d.text, d.date, d.vague]), [['two years ago', '2020-01-24', true]]);
  assert.equal(dates('last night', '2022-03-01')[0]!.date, '2022-02-28');
});

test('calendar dates in the forms ACLED notes and news use', () => {
  assert.equal(dates('On 9 May 2020, militants attacked')[0]!.date, '2020-05-09');
  assert.equal(dates('On March 21, 2020, police')[0]!.date, '2020-03-21');
  assert.equal(dates('on 2019-12-31 at night')[0]!.date, '2019-12-31');
  assert.equal(dates('On 21st of March 2020')[0]!.date, '2020-03-21');
  // A day without a year is the latest one not after publication.
  assert.equal(dates('on December 28', '2022-01-05')[0]!.date, '2021-12-28');
});

test('no expression lands after the publication date unless the text says so', () => {
  for (const phrase of ['on Sunday', 'on Saturday', 'Friday', 'on 30 January', 'in December', 'yesterday', 'last week']) {
    const [d] = dates(`It happened ${phrase}.`, '2022-01-24');
    assert.ok(d, phrase);
    assert.ok(d.date <= '2022-01-24', `${phrase} → ${d.date}`);
  }
});

test('words that only look like dates are not dates', () => {
  assert.deepEqual(dates('They may march to the capital.', '2022-01-24'), []);
  assert.deepEqual(dates('The Sun reported it.', '2022-01-24'), []);
});

test('a weekday in the possessive names the day: "Sunday’s attack" (Monday 2022-01-24)', () => {
  assert.deepEqual(dates('Sunday’s attack by the rebels was carried out in the village.', '2022-01-24'), [{ text: 'Sunday’s', date: '2022-01-23', precision: 1 }]);
  assert.equal(dates("Friday's raid left the town in ruins.", '2022-01-24')[0]!.date, '2022-01-21');
  assert.equal(dates('They blamed the army for last Saturday’s shelling.', '2022-01-24')[0]!.date, '2022-01-22');
  // (An abbreviation does not take the possessive: "the Sun's" is a newspaper's.)
  assert.deepEqual(dates("The Sun's editor wrote.", '2022-01-24'), []);
});

test('a weekday of something scheduled is the coming one: "a truce would begin on Tuesday" (Monday 2022-01-24)', () => {
  assert.equal(dates('The minister said a truce would begin on Tuesday in the city.', '2022-01-24')[0]!.date, '2022-01-25');
  assert.equal(dates('The pause is to take effect from Friday.', '2022-01-24')[0]!.date, '2022-01-28');
  assert.equal(dates('Talks will resume on Thursday.', '2022-01-24')[0]!.date, '2022-01-27');
  // Done things keep the last such day: travel "to" a place, a verb of violence after "would".
  assert.equal(dates('He was taken to hospital on Tuesday.', '2022-01-24')[0]!.date, '2022-01-18');
  assert.equal(dates('Rebels attacked the base on Friday.', '2022-01-24')[0]!.date, '2022-01-21');
});

test('days later with no day named near count from the last day named before, never from publication', () => {
  const found = dates('On 27 February the secretary was killed. His wife also died. The next morning we met the president. But only 4 days later, another leader was killed.', '1989-04-12');
  assert.equal(found.find((d) => d.text === '4 days later')!.date, '1989-03-03');
  // With no day named before it, no date at all rather than one after publication.
  assert.deepEqual(dates('Only 4 days later, another leader was killed.', '1989-04-12'), []);
});

test('a year after a comma belongs to the month or day before it: "in November, 2015" (published 2017)', () => {
  assert.deepEqual(dates('Rebels seized the town in November, 2015, and held it for a year.', '2017-03-02'), [
    { text: 'November, 2015', date: '2015-11-15', precision: 3 },
  ]);
  assert.deepEqual(dates('The bridge was blown up on 3 November, 2015 by the militia.', '2017-03-02').map((d) => d.date), ['2015-11-03']);
  assert.deepEqual(dates('November, 2015 was the deadliest month of the siege.', '2017-03-02').map((d) => d.date), ['2015-11-15']);
  // A count after the comma, written with its thousands separator, is no year.
  assert.deepEqual(dates('In March, 2,000 protesters marched to the palace.', '2017-03-02').map((d) => d.date), ['2017-03-02']);
});

test('"the following day" counts from the day named near, "the day before" with none near from publication', () => {
  const found = dates('Rebels attacked the camp on 3 March. Troops arrived the following day. The envoy had left the day before.', '2021-03-20');
  assert.equal(found.find((d) => d.text === 'the following day')!.date, '2021-03-04');
  assert.equal(found.find((d) => d.text === 'the day before')!.date, '2021-03-19');
  // "the day after the raid" counts from the raid, not from a day: no date of its own.
  assert.equal(dates('Shops shut on 3 March. They reopened the day after the raid.', '2021-03-20').some((d) => d.text.startsWith('the day after')), false);
});

test('a range of days in one month takes the year written after its last day (published later)', () => {
  assert.deepEqual(dates('Fighting raged on June 12th - 14th 2016 around the dam.', '2018-02-01').map((d) => d.date), ['2016-06-12']);
  assert.deepEqual(dates('Between April 3 and 5, 2015, the militia shelled the market.', '2018-02-01').map((d) => d.date), ['2015-04-03']);
  assert.deepEqual(dates('The curfew ran from May 2 to 4, 2014 in the old town.', '2018-02-01').map((d) => d.date), ['2014-05-02']);
  // Without a year after the range the first day keeps the latest such day before publication.
  assert.deepEqual(dates('Fighting raged on June 12th - 14th around the dam.', '2018-02-01').map((d) => d.date), ['2017-06-12']);
  // A count after "and" is no day of a range.
  assert.deepEqual(dates('On June 12 and 2000 people fled, the army said.', '2018-02-01').map((d) => d.date), ['2017-06-12']);
});

test('a month after "since" starts a period counted to now: no event\'s day (periodStart)', () => {
  const doc = new Doc('t', 'A bomb killed three people in the town, raising to 120 the number killed since late March in the province.', { date: '2019-06-10' });
  tokenize(doc);
  recogniseDates(doc);
  assert.deepEqual(doc.dates.map((d) => [d.text, d.precision, d.periodStart]), [['late March', 3, true]]);
  const plain = new Doc('t', 'Rebels seized the town in late March.', { date: '2019-06-10' });
  tokenize(plain);
  recogniseDates(plain);
  assert.equal(plain.dates[0]!.periodStart, undefined);
});
