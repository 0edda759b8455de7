// Turns a User-Agent header into "Chrome 120 on Windows". Deliberately small: the raw
// string stays available (title attribute), this only has to be right for common clients.

const BROWSERS = [
  // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari".
  { name: 'Edge', re: /\b(?:Edg|EdgA|EdgiOS|Edge)\/(\d+)/ },
  { name: 'Opera', re: /\b(?:OPR|OPiOS)\/(\d+)/ },
  { name: 'Chromium', re: /\bChromium\/(\d+)/ },
  { name: 'Chrome', re: /\b(?:HeadlessChrome|Chrome|CriOS)\/(\d+)/ },
  { name: 'Firefox', re: /\b(?:Firefox|FxiOS)\/(\d+)/ },
  { name: 'Safari', re: /\bVersion\/(\d+)[\d.]*(?: Mobile\/\S+)? Safari\// },
  { name: 'curl', re: /^curl\/([\d.]+)/i },
];

const SYSTEMS = [
  // iOS before macOS (iPhone UAs say "like Mac OS X"); Android before Linux.
  { name: 'iOS', re: /\b(?:iPhone|iPad|iPod)\b/ },
  { name: 'Android', re: /\bAndroid\b/ },
  { name: 'ChromeOS', re: /\bCrOS\b/ },
  { name: 'Windows', re: /\bWindows\b/ },
  { name: 'macOS', re: /\bMac OS X\b|\bMacintosh\b/ },
  { name: 'Linux', re: /\bLinux\b|\bX11\b/ },
];

/** @returns {{browser: string, version: string, os: string, label: string}} */
export function parseUserAgent(ua) {
  if (!ua || !ua.trim()) return { browser: 'Unknown', version: '', os: '', label: 'Unknown client' };

  let browser = '';
  let version = '';
  for (const candidate of BROWSERS) {
    const match = ua.match(candidate.re);
    if (match) {
      browser = candidate.name;
      version = match[1];
      break;
    }
  }
  if (!browser) {
    // Other tools (python-requests/2.31, Java-http-client/21, ...): show their first product token.
    const token = ua.trim().split(/\s+/)[0];
    const [name, ver] = token.split('/');
    if (name === 'Mozilla' || name.length > 40) {
      browser = 'Other browser'; // "Mozilla/5.0" says nothing useful on its own
    } else {
      browser = name;
      version = ver && /^[\d.]+$/.test(ver) ? ver : '';
    }
  }

  const os = SYSTEMS.find((candidate) => candidate.re.test(ua))?.name || '';
  const label = [browser, version].filter(Boolean).join(' ') + (os ? ` on ${os}` : '');
  return { browser, version, os, label };
}
