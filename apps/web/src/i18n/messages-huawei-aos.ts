/** Messages of the Huawei AOS stacks & templates pages, merged into the one catalogue (messages.ts). */
export const enAos = {
  'aos.title': 'AOS stacks & templates',
};

export const zhAos: Record<keyof typeof enAos, string> = {
  'aos.title': 'AOS 堆栈与模板',
};
