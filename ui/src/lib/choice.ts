// A question for the ChoiceDialog: the answers, the first of which has the focus.
export interface Answer {
  value: string;
  label: string;
  primary?: boolean;
}

/** A checkbox shown above the answers (such as "Include mentor comments"). */
export interface ChoiceOption {
  label: string;
  help?: string;
  checked: boolean;
}

export interface Choice {
  title: string;
  message: string;
  detail?: string;
  option?: ChoiceOption;
  answers: Answer[];
}

/** The answer picked, and whether the dialog's checkbox was ticked. */
export interface Picked {
  value: string;
  checked: boolean;
}
