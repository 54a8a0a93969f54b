// 信访须知: what a petition can and cannot handle, and which matters belong to legal channels, so
// nobody waits months for a refusal (《信访工作条例》第二十条至第三十一条、第三十五条).
import { useTranslation } from 'react-i18next';
import { LEGAL_CHANNELS } from '../../src/domain/lifecycle/vocabulary.ts';

export function PetitionNotice() {
  const { t } = useTranslation();
  return (
    <div className="xf-notice">
      <p>
        <strong>{t('信访部门可以办理：')}</strong>
      </p>
      <ol>
        <li>{t('对党和政府工作、国家机关及其工作人员提出的意见、建议和批评；')}</li>
        <li>{t('对国家机关及其工作人员的职务行为不服、请求解决的事项（求决、申诉）；')}</li>
        <li>{t('对国家机关工作人员违法违纪行为的揭发控告。')}</li>
      </ol>
      <p>
        <strong>{t('以下事项信访部门不予受理，请直接通过法定途径解决：')}</strong>
      </p>
      <ol>
        {Object.values(LEGAL_CHANNELS).map((c) => (
          <li key={c}>{t(c)}</li>
        ))}
        <li>{t('已经或者依法应当由人民法院、人民检察院处理的事项；')}</li>
        <li>{t('已经复核终结，又以同一事实和理由提出的事项。')}</li>
      </ol>
      <p>
        <strong>{t('办理时限：')}</strong>
        {t(
          '信访部门自收到之日起15日内告知是否受理；受理后一般60日内办结，情况复杂的可延长，最多30日。对处理意见不服的，可在收到之日起30日内申请复查；对复查意见不服的，可在收到之日起30日内申请复核。',
        )}
      </p>
      <p>
        <strong>{t('请如实反映情况：')}</strong>
        {t(
          '不得捏造、歪曲事实，不得诬告、陷害他人。同一事项请勿重复提交，正在办理的事项可在“我的信访”中查看进度。',
        )}
      </p>
    </div>
  );
}
