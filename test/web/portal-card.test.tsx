// @vitest-environment happy-dom
// 权益卡 (portal): the card's face — its number, holder and the matter's number grouped in fours for
// reading, as everywhere on the citizen's side — and the handling written on it.
import './setup.ts';
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import '../../web/shared/i18n.ts';
import { CardView } from '../../web/portal/pages/CardView.tsx';
import { renderPage } from './render.tsx';

describe('portal rights card', () => {
  it('shows the matter number grouped and each step written on the card', async () => {
    renderPage(
      <CardView
        card={{
          cardNo: 'QB320106-2025-000002',
          unit: '鼓楼区信访局',
          level: 3,
          levelName: '县级',
          issuedAt: '2025-02-25T02:00:00.000Z',
          stateName: '已办结',
          matterLevel: 3,
          matterLevelName: '县级',
          holder: '张三',
          caseNumber: '32010620250000009',
          entries: [
            {
              stage: 'accept',
              stageName: '受理',
              at: '2025-02-25T03:00:00.000Z',
              unit: '鼓楼区信访局',
              level: 3,
              levelName: '县级',
            },
          ],
        }}
      />,
    );
    expect(await screen.findByText('3201 0620 2500 0000 9')).toBeTruthy();
    expect(screen.getByText('QB320106-2025-000002')).toBeTruthy();
    expect(screen.getByText(/受理/)).toBeTruthy();
  });
});
