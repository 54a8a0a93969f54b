// Candidate rules per jurisdiction (settings key `backlog_rules`, inherited by the subtree): read
// for the daily pass and the console, written by administrators (one command).
import { type CandidateRules, rulesFromSettings } from '../domain/backlog/rules.ts';
import { backlogPolicy } from '../policies/backlog.ts';
import { jurisdictionSetting } from '../settings/jurisdictional.ts';

export const candidateRules = jurisdictionSetting<CandidateRules, Partial<CandidateRules>>({
  key: 'backlog_rules',
  resolve: rulesFromSettings,
  mayEdit: backlogPolicy.editRules,
  denied: '只有本辖区或上级管理员可以设置积案候选规则',
  auditAction: 'backlog.rules',
});
