/**
 * 团队服务器 in the header: the team server's address and this user's token (from
 * `huibian team-user add`). The token is saved in the library and never shown again.
 */
import { useEffect, useState, type JSX } from 'react';
import type { ApiResult } from '../../../electron/core/api/schema.js';
import { api } from '../api/client.js';
import type { ReportError } from './App.js';

type Settings = ApiResult<'team.settings.get'>;

export function TeamSettings({ onError }: { onError: ReportError }): JSX.Element {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [open, setOpen] = useState(false);
  const [server, setServer] = useState('');
  const [token, setToken] = useState('');
  useEffect(() => {
    api('team.settings.get', {}).then(setSettings).catch(() => undefined);
  }, []);
  if (!open) {
    return (
      <button
        type="button"
        className="team-settings-button"
        title="设置团队服务器（多人协同编辑）"
        onClick={() => {
          setServer(settings?.server ?? '');
          setToken('');
          setOpen(true);
        }}
      >
        团队：{settings?.server ? (settings.hasToken ? '已设置' : '缺少令牌') : '未设置'}
      </button>
    );
  }
  const submit = async () => {
    try {
      const next = await api('team.settings.set', { server: server.trim(), ...(token.trim() ? { token: token.trim() } : {}) });
      const moved = next.server !== (settings?.server ?? null);
      setSettings(next);
      setOpen(false);
      // The page's CSP admits only the team server set when it loaded: a new one needs a reload.
      if (moved) window.location.reload();
    } catch (e) {
      onError(e, { action: '保存团队服务器设置', subject: server.trim() || '团队服务器' });
    }
  };
  return (
    <form className="team-settings-form row nowrap" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label>
        服务器
        <input autoFocus value={server} maxLength={500} placeholder="wss://huibian.example.gov.cn" onChange={(e) => setServer(e.target.value)} aria-label="团队服务器地址" />
      </label>
      <label>
        令牌
        <input type="password" value={token} maxLength={200} placeholder={settings?.hasToken ? '已保存（留空则不变）' : 'hbt_…'} onChange={(e) => setToken(e.target.value)} aria-label="团队令牌" />
      </label>
      <button type="submit" className="primary">保存</button>
      <button type="button" onClick={() => setOpen(false)}>取消</button>
    </form>
  );
}
