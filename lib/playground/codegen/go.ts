import { type CodegenInput, compactBody, quoted } from './shared';

export function goSnippet({ request, target }: CodegenInput): string {
  const imports = new Set(['bufio', 'fmt', 'net/http', 'os', 'strings']);
  const auth: string[] = [];
  const helpers: string[] = [];
  switch (target.auth) {
    case 'bearer':
      auth.push('\treq.Header.Set("Authorization", "Bearer "+os.Getenv("DEEPSEEK_API_KEY"))');
      break;
    case 'hmac':
      for (const name of ['crypto/hmac', 'crypto/sha256', 'encoding/base64', 'strconv', 'time']) imports.add(name);
      auth.push(
        '\t// HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY with the secret key, base64.',
        '\ttimestamp := strconv.FormatInt(time.Now().Unix(), 10)',
        '\tmac := hmac.New(sha256.New, []byte(os.Getenv("DEEPSEEK_SECRET_KEY")))',
        '\tmac.Write([]byte("POST\\n" + req.URL.RequestURI() + "\\n" + timestamp + "\\n" + body))',
        '\treq.Header.Set("X-Api-Key", os.Getenv("DEEPSEEK_API_KEY"))',
        '\treq.Header.Set("X-Timestamp", timestamp)',
        '\treq.Header.Set("X-Signature", base64.StdEncoding.EncodeToString(mac.Sum(nil)))',
      );
      break;
    case 'oauth2':
      imports.add('encoding/json');
      auth.push('\treq.Header.Set("Authorization", "Bearer "+accessToken())');
      helpers.push(
        '',
        '// accessToken fetches an OAuth2 client-credentials token.',
        'func accessToken() string {',
        `\treq, err := http.NewRequest("POST", ${quoted(target.tokenUrl ?? '<TOKEN_URL>')}, strings.NewReader("grant_type=client_credentials"))`,
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\treq.SetBasicAuth(os.Getenv("DEEPSEEK_CLIENT_ID"), os.Getenv("DEEPSEEK_CLIENT_SECRET"))',
        '\treq.Header.Set("Content-Type", "application/x-www-form-urlencoded")',
        '\tresp, err := http.DefaultClient.Do(req)',
        '\tif err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\tdefer resp.Body.Close()',
        '\tvar token struct {',
        '\t\tAccessToken string `json:"access_token"`',
        '\t}',
        '\tif err := json.NewDecoder(resp.Body).Decode(&token); err != nil {',
        '\t\tpanic(err)',
        '\t}',
        '\treturn token.AccessToken',
        '}',
      );
      break;
  }
  return [
    'package main',
    '',
    'import (',
    ...[...imports].sort().map((name) => `\t"${name}"`),
    ')',
    '',
    'func main() {',
    `\tbody := ${quoted(compactBody(request))}`,
    `\treq, err := http.NewRequest("POST", ${quoted(request.url)}, strings.NewReader(body))`,
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\treq.Header.Set("Content-Type", "application/json")',
    '\treq.Header.Set("Accept", "text/event-stream")',
    ...auth,
    '',
    '\tresp, err := http.DefaultClient.Do(req)',
    '\tif err != nil {',
    '\t\tpanic(err)',
    '\t}',
    '\tdefer resp.Body.Close()',
    '\tscanner := bufio.NewScanner(resp.Body)',
    '\tscanner.Buffer(make([]byte, 1024*1024), 1024*1024)',
    '\tfor scanner.Scan() {',
    '\t\tif line := scanner.Text(); strings.HasPrefix(line, "data: ") {',
    '\t\t\tfmt.Println(strings.TrimPrefix(line, "data: "))',
    '\t\t}',
    '\t}',
    '}',
    ...helpers,
    '',
  ].join('\n');
}
