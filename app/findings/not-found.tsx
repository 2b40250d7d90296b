// A finding outside the viewer's scope is refused by [arn]/layout.tsx, above [arn]'s own boundary.
export { default } from "./[arn]/not-found";
