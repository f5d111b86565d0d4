import { describe, expect, it } from 'vitest';
import { createSimulator } from './handler';

const simulator = createSimulator({ auth: { scheme: 'none' }, basePath: '/api/simulator' });
const get = (path: string) => simulator.handle(new Request(`http://s${path}`));

describe('routing', () => {
  it.each(['/models', '/v1/models', '/api/simulator/models', '/api/simulator/v1/models', '/v1/models/'])(
    'serves GET %s',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        object: 'list',
        data: [
          { id: 'deepseek-flash', object: 'model', owned_by: 'deepseek' },
          { id: 'deepseek-v4-pro', object: 'model', owned_by: 'deepseek' },
          { id: 'deepseek-v4-flash', object: 'model', owned_by: 'deepseek' },
          { id: 'deepseek-v4-flash-vision-exp', object: 'model', owned_by: 'deepseek' },
        ],
      });
    },
  );

  it('serves the balance with string amounts', async () => {
    expect(await (await get('/user/balance')).json()).toEqual({
      is_available: true,
      balance_infos: [
        { currency: 'USD', total_balance: '100.00', granted_balance: '0.00', topped_up_balance: '100.00' },
      ],
    });
  });

  it('answers 404 with a JSON error body to unknown paths', async () => {
    const response = await get('/v1/embeddings');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect((await response.json()).error).toMatchObject({ message: 'Not Found: GET /embeddings', param: null });
  });

  it('answers 405 to the wrong method', async () => {
    const response = await get('/chat/completions');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });

  it('sets x-request-id on every response, errors included', async () => {
    expect((await get('/nope')).headers.get('x-request-id')).toBeTruthy();
  });
});
