// The element classes and helpers of @reel/ui, with no side effects: importing this registers
// nothing. `@reel/ui/define` registers every tag.
export { type IconDefinition, type IconName, getIcon, iconNames, registerIcons } from './icons.js';
export { ReelButton, ButtonVariant, ControlSize } from './reel-button.js';
export { ReelIcon } from './reel-icon.js';
export { ReelIconButton } from './reel-icon-button.js';
export { ReelTextField, type ReelChangeDetail } from './reel-text-field.js';
