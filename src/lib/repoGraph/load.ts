/**
 * What RepoDiagram draws, read in one call after each command: the graph and its text twin,
 * both through the course's git engine.
 */
import {readRepoGraph, type RepoLocation} from './read';
import {textTwin} from './textTwin';
import type {RepoGraph} from './types';

export interface RepoDiagramData {
  graph: RepoGraph;
  textTwin: string;
}

export async function loadRepoDiagram(location: RepoLocation): Promise<RepoDiagramData> {
  // One after the other: both read the same files, and the file system may be single-threaded.
  const graph = await readRepoGraph(location);
  return {graph, textTwin: graph.status === 'no-repository' ? '' : await textTwin(location)};
}
