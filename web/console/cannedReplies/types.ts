// The canned texts' answers (src/cannedReplies/presenters.ts).
export interface CannedReply {
  id: number;
  unitId: number;
  purpose: string;
  purposeName: string;
  categoryCode: string | null;
  categoryName: string | null;
  title: string;
  body: string;
  placeholders: string[];
  updatedAt: string;
}
