// Opinions: 信访处理意见书 (Arts 31–32, remedy Art 35), 复查意见书 (Art 35, remedy Art 36),
// 复核意见书 (Art 36, final: 同一事实和理由不再受理).
import { article } from '../legalBasis.ts';
import { type DocumentData, DocumentDataError, type DocumentKind, type DocumentModel } from '../types.ts';
import { basisOf, cd, DOCUMENT_TITLES, matterOf, required, sentence, withoutLeadIn } from './common.ts';

/** The wording of each template (OPINION_TEMPLATES): opening, headings and the facts' lead-in. */
const plain = (d: DocumentData) => d.template === 'plain';

const HANDLING_OUTCOMES: Record<string, '支持' | '解释说明' | '不予支持'> = {
  支持: '支持',
  supported: '支持',
  解释说明: '解释说明',
  explained: '解释说明',
  不予支持: '不予支持',
  not_supported: '不予支持',
};
const REVIEW_OUTCOMES: Record<string, '维持' | '撤销' | '变更'> = {
  维持: '维持',
  uphold: '维持',
  撤销: '撤销',
  revoke: '撤销',
  变更: '变更',
  vary: '变更',
};

function outcomeOf<T extends string>(d: DocumentData, table: Record<string, T>, allowed: string): T {
  const raw = required(d, 'outcome', '处理结果').trim();
  const o = table[raw] ?? table[raw.toLowerCase()];
  if (!o) throw new DocumentDataError('outcome', `处理结果应为${allowed}之一，收到“${raw}”`);
  return o;
}

const opt = (text: string | undefined) => (text?.trim() ? sentence(text) : '');

export function handlingOpinion(d: DocumentData): DocumentModel {
  const outcome = outcomeOf(d, HANDLING_OUTCOMES, '支持、解释说明、不予支持');
  const reviewBody = required(d, 'reviewBody', '复查机关').trim();
  const follow = {
    支持: '本机关将督促有关单位抓紧落实。',
    解释说明: '',
    不予支持: '希望你正确理解有关政策规定，依法理性表达诉求。',
  }[outcome];
  const verdict = outcome === '解释说明' ? '作出解释说明' : outcome === '支持' ? '予以支持' : '不予支持';
  return {
    title: DOCUMENT_TITLES.handling_opinion,
    addressee: d.petitionerName.trim(),
    blocks: [
      {
        type: 'p',
        text: plain(d)
          ? `${matterOf(d)}，我们已经受理，听取了你的意见，也作了调查。现在把处理意见告诉你：`
          : `${matterOf(d)}，本机关已依法受理。本机关听取了你的陈述，并对有关情况进行了调查核实。现将处理意见答复如下：`,
      },
      { type: 'heading', text: plain(d) ? '一、你反映的问题' : '一、信访请求' },
      { type: 'p', text: sentence(d.request?.trim() || `请求解决“${d.subject.trim()}”问题`) },
      { type: 'heading', text: plain(d) ? '二、我们了解到的情况' : '二、调查核实的事实' },
      {
        type: 'p',
        text: `${plain(d) ? '经调查，' : '经调查核实，'}${sentence(withoutLeadIn(required(d, 'facts', '调查核实的事实')))}`,
      },
      { type: 'heading', text: plain(d) ? '三、处理意见和依据' : '三、处理意见及依据' },
      {
        type: 'p',
        text: `本机关认为，${sentence(required(d, 'reasons', '处理理由'))}根据${basisOf(d, 'handling_opinion')}的规定，对你提出的信访请求，${verdict}。${opt(d.decision)}${follow}`,
      },
      {
        type: 'p',
        text: `根据${article(35)}的规定，如你对本处理意见不服，可以自收到本意见书之日起30日内，向本机关的上一级机关${reviewBody}请求复查。`,
      },
    ],
  };
}

function reviewLike(d: DocumentData, kind: DocumentKind, stage: '复查' | '复核'): DocumentModel {
  const outcome = outcomeOf(d, REVIEW_OUTCOMES, '维持、撤销、变更');
  const prior = stage === '复查' ? '信访处理意见' : '复查意见';
  const orig = d.originalBody?.trim() || (stage === '复查' ? '原办理机关' : '复查机关');
  const redo = d.dueDate ? `于${cd(d.dueDate)}前` : '在规定期限内';
  const verdict = {
    维持: `维持${orig}作出的${prior}。`,
    撤销: `撤销${orig}作出的${prior}，由${orig}${redo}重新作出处理并书面答复你。`,
    变更: `变更${orig}作出的${prior}。`,
  }[outcome];
  if (outcome === '变更') required(d, 'decision', '变更后的意见');
  return {
    title: DOCUMENT_TITLES[kind],
    addressee: d.petitionerName.trim(),
    blocks: [
      {
        type: 'p',
        text:
          `你不服${orig}就“${d.subject.trim()}”信访事项作出的${prior}，于${cd(d.receivedAt)}向本机关请求${stage}（信访件编号：${d.caseNumber.trim()}）。` +
          (plain(d)
            ? `我们受理后审查了原来的${prior}，也作了调查。现在把${stage}意见告诉你：`
            : `本机关依法受理后，对${prior}进行了审查，并对有关情况进行了调查核实。现将${stage}意见答复如下：`),
      },
      { type: 'heading', text: plain(d) ? `一、你的${stage}请求` : `一、${stage}请求` },
      { type: 'p', text: sentence(d.request?.trim() || `请求撤销${orig}作出的${prior}`) },
      { type: 'heading', text: plain(d) ? '二、我们查明的情况' : `二、${stage}认定的事实` },
      {
        type: 'p',
        text: `经${stage}查明，${sentence(withoutLeadIn(required(d, 'facts', '认定的事实')))}`,
      },
      { type: 'heading', text: plain(d) ? `三、${stage}意见和依据` : `三、${stage}意见及依据` },
      {
        type: 'p',
        text: `本机关认为，${sentence(required(d, 'reasons', '理由'))}根据${basisOf(d, kind)}的规定，本机关${stage}意见如下：${verdict}${opt(d.decision)}`,
      },
    ],
  };
}

export function reviewOpinion(d: DocumentData): DocumentModel {
  const model = reviewLike(d, 'review_opinion', '复查');
  const body = required(d, 'reviewBody', '复核机关').trim();
  model.blocks.push({
    type: 'p',
    text: `根据${article(36)}的规定，如你对本复查意见不服，可以自收到本意见书之日起30日内，向复查机关的上一级机关${body}请求复核。`,
  });
  return model;
}

export function rereviewOpinion(d: DocumentData): DocumentModel {
  const model = reviewLike(d, 'rereview_opinion', '复核');
  model.blocks.push({
    type: 'p',
    text:
      `本复核意见为该信访事项的终结意见。根据${article(36)}第三款的规定，你对本复核意见不服，仍然以同一事实和理由提出投诉请求的，` +
      '各级党委和政府信访部门和其他机关、单位不再受理。',
  });
  return model;
}
