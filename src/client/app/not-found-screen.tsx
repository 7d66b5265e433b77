import { Link } from 'wouter';

export const NotFoundScreen = () => (
  <section className="screen" aria-labelledby="not-found-title">
    <h1 id="not-found-title">Page not found</h1>
    <p>
      There is nothing at this address. <Link href="/">Go to the engagements</Link>.
    </p>
  </section>
);
