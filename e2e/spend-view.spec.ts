// The vault's spend view (issue 11, item 4): after a reply, the total across providers, the table and
// the downloaded CSV all carry that reply's cost.
import { readFile } from 'node:fs/promises';
import { CHAT_MODELS, lastReply, sendMessage, setUpChat, waitForReplyEnd } from './support/chat-helpers';
import { expect, test } from './support/fixtures';

test('after a reply, the spend view\'s total, table and CSV show its cost', async ({ page, mock }) => {
  await setUpChat(page, mock);
  await page.goto('/#/vault');
  const view = page.getByRole('region', { name: 'Spend' });
  await expect(view.getByTestId('spend-month-total')).toHaveText('$0.00');
  await expect(view.getByRole('button', { name: 'Download CSV' })).toBeDisabled();

  await page.evaluate(() => { window.location.hash = '#/chat'; });
  await sendMessage(page, 'Hello there [[mock:text tokens=120]]');
  await waitForReplyEnd(page);
  const cost = (await lastReply(page).getByTestId('cost').innerText()).trim();
  expect(cost).toMatch(/^\$0\.\d+/);

  await page.evaluate(() => { window.location.hash = '#/vault'; });
  await expect(view.getByTestId('spend-month-total')).toHaveText(cost);
  const table = view.getByRole('table', { name: 'Spend by provider and model' });
  const row = table.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'OpenAI' }) });
  await expect(row).toHaveCount(1);
  await expect(row.getByRole('cell').nth(0)).toHaveText(CHAT_MODELS.openai);
  await expect(row.getByRole('cell').nth(1)).toHaveText(cost);
  await expect(row.getByRole('cell').nth(2)).toHaveText(cost);
  await expect(view.getByTestId('spend-chart-openai')).toBeVisible();

  const downloading = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Download CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^vivim-spend-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile(await download.path(), 'utf8')).trim().split('\r\n');
  expect(lines[0]).toBe('date,provider,model,requests,estimated_requests,input_tokens,cached_input_tokens,output_tokens,cost_usd');
  const today = new Date().toISOString().slice(0, 10);
  const reply = lines.map((line) => line.split(',')).find((fields) => fields[0] === today && fields[1] === 'openai' && fields[2] === CHAT_MODELS.openai);
  expect(reply, lines.join('\n')).toBeDefined();
  expect(reply?.[3]).toBe('1');
  expect(Math.abs(Number(reply?.[8]) - Number(cost.slice(1)))).toBeLessThan(0.0001);
});
