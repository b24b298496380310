// The estimate lives in the core now (the streaming client bills stopped replies with it); this
// keeps the chat feature's imports stable.
export { estimateContentTokens, estimateInputCost, estimateRequestTokens, estimateTokens, IMAGE_TOKEN_ESTIMATE } from '../../byok/estimate-tokens';
