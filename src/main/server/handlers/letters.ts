/** Finding and reading letters: the queue, search, one letter whole, its history. */
import type { ImrApi } from '../../../shared/api.ts';
import { countQueue, getLetter, listLetterHistory, nextLetterToReview, queryQueue, searchLetters } from '../../storage/index.ts';
import { withVocabulary } from '../../review/index.ts';
import type { HandlerContext } from '../session.ts';

type LetterMethods = 'queryQueue' | 'nextLetterToReview' | 'searchLetters' | 'getLetter' | 'listHistory';

export function letterHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, LetterMethods> {
  return {
    queryQueue: async (query) => ({ rows: queryQueue(db, query), total: countQueue(db, query) }),
    nextLetterToReview: async (afterId, filter, sort) => nextLetterToReview(db, afterId, filter, sort),
    searchLetters: async (query, limit) => searchLetters(db, query, { limit }),
    getLetter: async (letterId) => {
      const letter = getLetter(db, letterId);
      return letter && withVocabulary(letter);
    },
    listHistory: async (letterId) => listLetterHistory(db, letterId),
  };
}
