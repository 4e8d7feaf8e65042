/**
 * Body parts as services name them, and the spine's levels in order. The spine regions follow
 * the vertebral column (7 cervical, 12 thoracic, 5 lumbar, then the sacrum); the names and
 * their lay synonyms ("low back", "neck") are the usual clinical ones.
 */

export interface BodyPart {
  readonly id: string;
  readonly name: string;
  readonly aliases: readonly string[];
  /** On the midline, so it has no side ("left trapezius and low back": the side is the trapezius's). */
  readonly midline?: boolean;
}

export const BODY_PARTS: readonly BodyPart[] = [
  { id: 'cervical-spine', name: 'cervical spine', midline: true, aliases: ['cervical spine', 'cervical', 'c-spine', 'neck'] },
  { id: 'thoracic-spine', name: 'thoracic spine', midline: true, aliases: ['thoracic spine', 'thoracic', 't-spine', 'mid back', 'upper back'] },
  {
    id: 'lumbar-spine', name: 'lumbar spine', midline: true,
    aliases: ['lumbar spine', 'lumbosacral spine', 'lumbosacral', 'lumbar', 'l-spine', 'low back', 'lower back'],
  },
  { id: 'spine', name: 'spine', midline: true, aliases: ['spine', 'spinal'] },
  { id: 'back', name: 'back', midline: true, aliases: ['back'] },
  { id: 'sacroiliac-joint', name: 'sacroiliac joint', aliases: ['sacroiliac joints', 'sacroiliac joint', 'sacroiliac', 'SI joints', 'SI joint'] },
  { id: 'shoulder', name: 'shoulder', aliases: ['shoulders', 'shoulder'] },
  { id: 'elbow', name: 'elbow', aliases: ['elbows', 'elbow'] },
  { id: 'forearm', name: 'forearm', aliases: ['forearms', 'forearm'] },
  { id: 'wrist', name: 'wrist', aliases: ['wrists', 'wrist'] },
  { id: 'hand', name: 'hand', aliases: ['hands', 'hand'] },
  { id: 'finger', name: 'finger', aliases: ['fingers', 'finger', 'thumb', 'thumbs'] },
  { id: 'upper-extremity', name: 'upper extremity', aliases: ['upper extremities', 'upper extremity', 'upper limbs', 'upper limb', 'arms', 'arm'] },
  { id: 'hip', name: 'hip', aliases: ['hips', 'hip'] },
  { id: 'pelvis', name: 'pelvis', midline: true, aliases: ['pelvis', 'pelvic'] },
  { id: 'groin', name: 'groin', aliases: ['groin'] },
  { id: 'knee', name: 'knee', aliases: ['knees', 'knee'] },
  { id: 'lower-extremity', name: 'lower extremity', aliases: ['lower extremities', 'lower extremity', 'lower limbs', 'lower limb', 'legs', 'leg'] },
  { id: 'ankle', name: 'ankle', aliases: ['ankles', 'ankle'] },
  { id: 'foot', name: 'foot', aliases: ['feet', 'foot', 'heel', 'toes', 'toe'] },
  { id: 'head', name: 'head', midline: true, aliases: ['head', 'brain'] },
  { id: 'jaw', name: 'jaw', aliases: ['jaw', 'temporomandibular joint', 'TMJ'] },
  { id: 'chest', name: 'chest', aliases: ['chest', 'ribs', 'rib'] },
  { id: 'abdomen', name: 'abdomen', midline: true, aliases: ['abdomen', 'abdominal'] },
  { id: 'trapezius', name: 'trapezius', aliases: ['trapezius'] },
];

/** The spine's levels from top to bottom; a range "L4-S1" covers the motion segments between its ends. */
export const SPINE_LEVELS: readonly string[] = [
  ...Array.from({ length: 7 }, (_, index) => `C${index + 1}`),
  ...Array.from({ length: 12 }, (_, index) => `T${index + 1}`),
  ...Array.from({ length: 5 }, (_, index) => `L${index + 1}`),
  'S1',
];
