import { NewChatScreen } from '@/components/chat/new-chat-screen';

export default function NewChatPage() {
  return <NewChatScreen />;
}
