import test from 'ava';
import { nameScore } from './name-score';

test('the same token set scores 1 and nothing shared scores 0', (t) => {
  t.is(nameScore(3, 3, 3), 1);
  t.is(nameScore(0, 2, 3), 0);
});

test('the score is symmetric: query and listed name may swap', (t) => {
  for (const [m, a, b] of [[1, 2, 3], [2, 3, 5], [2, 2, 4]] as const) t.is(nameScore(m, a, b), nameScore(m, b, a));
});

test('a name inside a longer one scores by how much of the longer one it covers', (t) => {
  t.is(nameScore(2, 2, 3), 0.9167, 'Vladimir Putin for PUTIN, Vladimir Vladimirovich');
  t.is(nameScore(1, 1, 3), 0.8333, 'Putin alone');
  t.is(nameScore(2, 4, 2), 0.875, 'Hassan Ali Mohammed Yusuf for ALI, Hassan');
});

test('names that only overlap score below the default review floor', (t) => {
  t.is(nameScore(1, 2, 3), 0.4583, 'Igor Petrov for KOROBOV, Igor Valentinovich');
  t.is(nameScore(2, 3, 3), 0.6667);
});
