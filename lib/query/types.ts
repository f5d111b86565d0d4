import type { ChatMessage } from '@/lib/chat/types';
import type { GenerationParams, ModelAlias, ModelSpec } from '@/lib/models';

/** `GET /api/models` */
export interface ModelsResponse {
  defaultModel: string;
  /** True when the server answers from its built-in simulator (no API key configured). */
  simulator: boolean;
  models: ModelSpec[];
  aliases: Pick<ModelAlias, 'id' | 'label' | 'target' | 'thinking' | 'note'>[];
}

/** One row of `GET /api/conversations`. */
export interface ConversationSummary {
  id: string;
  title: string | null;
  model: string;
  createdAt: string;
  updatedAt: string;
}

export interface ConversationPage {
  items: ConversationSummary[];
  nextCursor: string | null;
}

export interface Conversation extends ConversationSummary {
  params: GenerationParams | null;
  systemPrompt: string | null;
}

/** `GET /api/conversations/:id` */
export interface ConversationDetail {
  conversation: Conversation;
  messages: ChatMessage[];
}

/** The body of `POST /api/chat` (the client sends only the new or edited message). */
export interface ChatRequestBody {
  /** The conversation (context) id; absent starts a new conversation. */
  id?: string;
  message: ChatMessage;
  trigger: 'submit-message' | 'regenerate-message' | 'continue-message';
  /** Edit: the user message being replaced. Regenerate: the assistant message being regenerated. Continue: the one continued. */
  messageId?: string;
  model: string;
  params: GenerationParams;
  /** Send the turn without the conversation's images (the picked model cannot read them). */
  dropImages?: boolean;
}
