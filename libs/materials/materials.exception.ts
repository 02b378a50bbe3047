import { DomainException, ErrorKind } from '../common/index.js';

export enum MaterialsReason {
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  TYPE_NOT_ALLOWED = 'TYPE_NOT_ALLOWED',
  TYPE_NOT_RECOGNISED = 'TYPE_NOT_RECOGNISED',
  EXECUTABLE_REFUSED = 'EXECUTABLE_REFUSED',
  EXTENSION_MISMATCH = 'EXTENSION_MISMATCH',
  EMPTY_FILE = 'EMPTY_FILE',
  NO_FILE = 'NO_FILE',
  MALFORMED_UPLOAD = 'MALFORMED_UPLOAD',
  NOT_A_SESSION_PERSON = 'NOT_A_SESSION_PERSON',
  INVALID_SETTINGS = 'INVALID_SETTINGS',
  RANGE_NOT_SATISFIABLE = 'RANGE_NOT_SATISFIABLE',
}

/** Every expected failure of presenter materials; the REST endpoints map them to HTTP statuses too. */
export class MaterialsException extends DomainException<MaterialsReason> {
  static fileTooLarge(maxBytes: number) {
    return new MaterialsException(
      ErrorKind.BAD_USER_INPUT,
      MaterialsReason.FILE_TOO_LARGE,
      `The file is larger than this event's limit of ${formatBytes(maxBytes)}.`,
      { field: 'file', details: { maxBytes } },
    );
  }
  static typeNotAllowed(type: string, allowed: string[]) {
    return new MaterialsException(
      ErrorKind.BAD_USER_INPUT,
      MaterialsReason.TYPE_NOT_ALLOWED,
      `${type} files are not accepted for this event; allowed: ${allowed.join(', ')}.`,
      { field: 'file', details: { type, allowed } },
    );
  }
  static typeNotRecognised(allowed: string[]) {
    return new MaterialsException(
      ErrorKind.BAD_USER_INPUT,
      MaterialsReason.TYPE_NOT_RECOGNISED,
      `The file's content is not one of the accepted types (${allowed.join(', ')}), whatever its name says.`,
      { field: 'file', details: { allowed } },
    );
  }
  static executableRefused(what: string) {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.EXECUTABLE_REFUSED, `The file is a program (${what}); programs are never accepted.`, {
      field: 'file',
    });
  }
  static extensionMismatch(extension: string, type: string) {
    return new MaterialsException(
      ErrorKind.BAD_USER_INPUT,
      MaterialsReason.EXTENSION_MISMATCH,
      `The file is named ".${extension}" but its content is ${type}; rename it or upload the right file.`,
      { field: 'file', details: { extension, type } },
    );
  }
  static emptyFile() {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.EMPTY_FILE, 'The file is empty.', { field: 'file' });
  }
  static noFile() {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.NO_FILE, 'Send the file in a multipart/form-data part named "file".', {
      field: 'file',
    });
  }
  static malformedUpload(message: string, field = 'file') {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.MALFORMED_UPLOAD, message, { field });
  }
  static notASessionPerson(field = 'onBehalfOf') {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.NOT_A_SESSION_PERSON, 'That account is not one of the people of this session.', {
      field,
    });
  }
  /** `details` (a variant and its facts) lets a client word the refusal in the reader's language. */
  static invalidSettings(message: string, field: string, details?: Record<string, unknown>) {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.INVALID_SETTINGS, message, { field, details });
  }
  static rangeNotSatisfiable(size: number) {
    return new MaterialsException(ErrorKind.BAD_USER_INPUT, MaterialsReason.RANGE_NOT_SATISFIABLE, `The requested range is outside the file (${size} bytes).`, {
      field: 'range',
      details: { size },
    });
  }
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${+(bytes / 1024 ** 3).toFixed(1)} GiB`;
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}
