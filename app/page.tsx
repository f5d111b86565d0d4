export default function HomePage() {
  return <main className="p-8 text-ink">DeepSeek Studio</main>;
}
