/**
 * Every phase of the course's e-commerce repository, by id. One module per lesson;
 * add a lesson's phases here.
 */
import {featurePhases} from './01-feature-branch';
import {hotfixPhases} from './02-hotfix-workflow';
import {experimentationPhases} from './03-experimentation';
import type {Phase} from './types';

export const phases = {
  ...featurePhases,
  ...hotfixPhases,
  ...experimentationPhases,
} satisfies Record<string, Phase>;

export type PhaseId = keyof typeof phases;
export type {FileMap, HistoryStep, Phase} from './types';
