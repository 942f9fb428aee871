// The module the course-lessons plugin generates (index.ts), typed as its catalog entries.
declare module '@generated/course-lessons/default/lessons.json' {
  const lessons: import('./catalog').CourseLesson[];
  export default lessons;
}
