// The canned texts' answers: the server's contract.
export type { CannedReplyItem as CannedReply } from '../../../src/cannedReplies/contract.ts';
