import { useEffect } from 'preact/hooks';
import { LiveStrip } from './components/live-strip';
import { SignIn } from './components/sign-in';
import { ActorTimelinePage } from './pages/actor-timeline-page';
import { ComparePage } from './pages/compare-page';
import { IndexPage } from './pages/index-page';
import { QuotationSearchPage } from './pages/quotation-search-page';
import { ReviewDeskPage } from './pages/review-desk-page';
import { TopicLandscapePage } from './pages/topic-landscape-page';
import { Link, useLocation } from './router';
import { useSession } from './session';

const NAV = [
  ['/app/', 'Actors and topics'],
  ['/app/compare', 'Compare'],
  ['/app/quotations', 'Search'],
  ['/app/review', 'Review desk'],
] as const;

const route = (path: string) => {
  const parts = path
    .replace(/^\/app\/?/i, '')
    .split('/')
    .filter(Boolean)
    .map(decodeURIComponent);
  if (parts.length === 0) return <IndexPage />;
  if (parts[0] === 'actors' && parts[1]) return <ActorTimelinePage actorId={parts[1]} />;
  if (parts[0] === 'topics' && parts[1]) return <TopicLandscapePage topicId={parts[1]} />;
  if (parts[0] === 'compare') return <ComparePage />;
  if (parts[0] === 'review') return <ReviewDeskPage />;
  if (parts[0] === 'quotations') return <QuotationSearchPage />;
  return (
    <section>
      <h1>Not found</h1>
      <p>
        No page here. <Link href="/app/">Back to the actors and topics</Link>.
      </p>
    </section>
  );
};

export const App = () => {
  const { path } = useLocation();
  const session = useSession();
  useEffect(() => {
    document.querySelector<HTMLElement>('main h1')?.focus({ preventScroll: true });
  }, [path]);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <Link href="/app/" class="brand">
          Positions
        </Link>
        <nav aria-label="Pages">
          <ul>
            {NAV.map(([href, label]) => (
              <li key={href}>
                <Link
                  href={href}
                  aria-current={
                    (href === '/app/' ? /^\/app\/?$/ : new RegExp(`^${href}`)).test(path) ? 'page' : undefined
                  }
                >
                  {label}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <SignIn session={session} />
      </header>
      <LiveStrip signedIn={Boolean(session.key)} />
      <main id="main">{route(path)}</main>
    </>
  );
};
