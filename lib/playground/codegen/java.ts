import { type CodegenInput, compactBody, quoted } from './shared';

export const JAVA_CLASS = 'DeepSeekRequest';

export function javaSnippet({ request, target }: CodegenInput): string {
  const imports = new Set([
    'java.net.URI',
    'java.net.http.HttpClient',
    'java.net.http.HttpRequest',
    'java.net.http.HttpResponse',
  ]);
  const auth: string[] = [];
  const helpers: string[] = [];
  switch (target.auth) {
    case 'bearer':
      auth.push('        builder.header("Authorization", "Bearer " + System.getenv("DEEPSEEK_API_KEY"));');
      break;
    case 'hmac':
      for (const name of [
        'java.nio.charset.StandardCharsets',
        'java.util.Base64',
        'javax.crypto.Mac',
        'javax.crypto.spec.SecretKeySpec',
      ]) {
        imports.add(name);
      }
      auth.push(
        '        // HMAC-SHA256 over METHOD\\nPATH\\nTIMESTAMP\\nBODY with the secret key, base64.',
        '        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);',
        '        Mac mac = Mac.getInstance("HmacSHA256");',
        '        mac.init(new SecretKeySpec(System.getenv("DEEPSEEK_SECRET_KEY").getBytes(StandardCharsets.UTF_8), "HmacSHA256"));',
        `        String signed = "POST\\n" + ${quoted(request.path)} + "\\n" + timestamp + "\\n" + body;`,
        '        builder.header("X-Api-Key", System.getenv("DEEPSEEK_API_KEY"));',
        '        builder.header("X-Timestamp", timestamp);',
        '        builder.header("X-Signature", Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8))));',
      );
      break;
    case 'oauth2':
      for (const name of [
        'java.nio.charset.StandardCharsets',
        'java.util.Base64',
        'java.util.regex.Matcher',
        'java.util.regex.Pattern',
      ]) {
        imports.add(name);
      }
      auth.push('        builder.header("Authorization", "Bearer " + accessToken());');
      helpers.push(
        '',
        '    /** An OAuth2 client-credentials token. */',
        '    static String accessToken() throws Exception {',
        '        String credentials = System.getenv("DEEPSEEK_CLIENT_ID") + ":" + System.getenv("DEEPSEEK_CLIENT_SECRET");',
        `        HttpRequest request = HttpRequest.newBuilder(URI.create(${quoted(target.tokenUrl ?? '<TOKEN_URL>')}))`,
        '            .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)))',
        '            .header("Content-Type", "application/x-www-form-urlencoded")',
        '            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))',
        '            .build();',
        '        String json = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()).body();',
        '        Matcher match = Pattern.compile("\\"access_token\\"\\\\s*:\\\\s*\\"([^\\"]+)\\"").matcher(json);',
        '        if (!match.find()) throw new IllegalStateException("no access_token in " + json);',
        '        return match.group(1);',
        '    }',
      );
      break;
  }
  return [
    ...[...imports].sort().map((name) => `import ${name};`),
    '',
    `public class ${JAVA_CLASS} {`,
    '    public static void main(String[] args) throws Exception {',
    `        String body = ${quoted(compactBody(request))};`,
    `        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(${quoted(request.url)}))`,
    '            .header("Content-Type", "application/json")',
    '            .header("Accept", "text/event-stream")',
    '            .POST(HttpRequest.BodyPublishers.ofString(body));',
    ...auth,
    '        HttpResponse<java.util.stream.Stream<String>> response =',
    '            HttpClient.newHttpClient().send(builder.build(), HttpResponse.BodyHandlers.ofLines());',
    '        response.body()',
    '            .filter(line -> line.startsWith("data: "))',
    '            .forEach(line -> System.out.println(line.substring(6)));',
    '    }',
    ...helpers,
    '}',
    '',
  ].join('\n');
}
