import { useEffect, useState } from 'react';
import type { AppInfo } from '../../shared/api.ts';

export function App() {
  const [info, setInfo] = useState<AppInfo | null>(null);
  useEffect(() => {
    void window.imr.getAppInfo().then(setInfo);
  }, []);
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 24 }}>
      <h1>IMR Review Workstation</h1>
      <p>{info ? `Version ${info.appVersion}, parser ${info.parserVersion}` : 'Starting…'}</p>
    </main>
  );
}
