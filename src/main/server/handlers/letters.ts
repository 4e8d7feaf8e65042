/** Finding and reading letters: the queue, search, one letter whole, its pages, its history. */
import type { ImrApi } from '../../../shared/api.ts';
import { countQueue, getLetter, listLetterHistory, nextLetterToReview, queryQueue, queuePosition, readLetterPages, searchLetters } from '../../storage/index.ts';
import { letterAsReviewed } from '../../review/index.ts';
import type { HandlerContext } from '../session.ts';

type LetterMethods = 'queryQueue' | 'nextLetterToReview' | 'queuePosition' | 'searchLetters' | 'getLetter' | 'getLetterPages' | 'listHistory';

export function letterHandlers({ library: { db } }: HandlerContext): Pick<ImrApi, LetterMethods> {
  return {
    queryQueue: async (query) => ({ rows: queryQueue(db, query), total: countQueue(db, query) }),
    nextLetterToReview: async (afterId, filter, sort) => nextLetterToReview(db, afterId, filter, sort),
    queuePosition: async (letterId, filter, sort) => queuePosition(db, letterId, filter, sort),
    searchLetters: async (query, limit) => searchLetters(db, query, { limit }),
    getLetter: async (letterId) => {
      const letter = getLetter(db, letterId);
      return letter && letterAsReviewed(db, letter);
    },
    getLetterPages: async (letterId) => {
      const pages = readLetterPages(db, letterId);
      // Base64: the API is JSON over IPC and HTTP alike.
      return pages?.kind === 'pdf' ? { kind: 'pdf', pdfBase64: pages.pdf.toString('base64'), layout: pages.layout } : pages;
    },
    listHistory: async (letterId) => listLetterHistory(db, letterId),
  };
}
