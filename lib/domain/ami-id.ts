// An Amazon Machine Image id, checked the same way where one is taken (the explorer's filter, gate
// artifacts); the error quotes the value that failed.
import { z } from "zod";
import { expectedGot } from "./expected-got";

const amiIdExpected = expectedGot("expected an AMI id such as ami-0abc1234");

export const amiIdSchema = z.string({ error: amiIdExpected }).regex(/^ami-[0-9a-f]{8,17}$/, { error: amiIdExpected });
