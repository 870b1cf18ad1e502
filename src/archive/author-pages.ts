// Part of the archive model (./build.ts): each author's page, as an entity's (./entity-pages.ts):
// photo, biography, links, articles per year, the entities they write about most, and their
// articles by year, paginated at `/authors/<slug>/`, `/authors/<slug>/page/2/`, …
import { articlesPerYear, subjectPages, yearStarts } from "./entity-pages.ts";
import type { Author, AuthorPage, AuthorProfile } from "./model.ts";

export function authorProfile(author: Author, pageSize: number): AuthorProfile {
  const { articles } = author;
  const profile: AuthorProfile = {
    name: author.name,
    slug: author.slug,
    url: author.url,
    links: author.links,
    articleCount: articles.length,
    perYear: articlesPerYear(articles),
    years: yearStarts(author, pageSize),
    topEntities: author.topEntities,
  };
  if (author.bio) profile.bio = author.bio;
  if (author.html) profile.html = author.html;
  if (author.image) profile.image = author.image;
  if (author.photo) profile.photo = author.photo;
  return profile;
}

export function authorPages(author: Author, pageSize: number): AuthorPage[] {
  return subjectPages(author, pageSize, authorProfile(author, pageSize));
}
