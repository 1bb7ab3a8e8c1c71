/** Messages of the Huawei Auto Scaling pages, merged into the one catalogue (messages.ts). */
export const enAs = {
  'as.title': 'Auto Scaling',
};

export const zhAs: Record<keyof typeof enAs, string> = {
  'as.title': '弹性伸缩',
};
