// A question for the ChoiceDialog: the answers, the first of which has the focus.
export interface Answer {
  value: string;
  label: string;
  primary?: boolean;
}

export interface Choice {
  title: string;
  message: string;
  detail?: string;
  answers: Answer[];
}
