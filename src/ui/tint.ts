/** The inline style that tints a tag's chip with the colour the user gave the tag (the CSS reads `--tag`). */
export const tint = (colour: string | undefined) => (colour ? `--tag:${colour}` : undefined);
